import { ApiOkResponse } from '@nestjs/swagger';

/**
 * Documents a success body that is a file or a text rather than JSON (CSV, Atom, SVG, HTML, PNG): its media
 * type and `string` (binary for images), so a generated client reads it as text or bytes instead of `never`.
 */
export function ApiFileResponse(
  mediaType: string,
  description: string,
  encoding: 'text' | 'binary' = 'text',
): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    description,
    content: {
      [mediaType]: {
        schema: encoding === 'binary' ? { type: 'string', format: 'binary' } : { type: 'string' },
      },
    },
  });
}
