import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * Documents a paginated list (`Page<Item>`) as `{items, nextCursor}` of its view, so a generated client types
 * `items` as the view instead of leaving the whole body untyped.
 */
export function ApiPageResponse(item: Type<unknown>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description: `One page of ${item.name}, oldest cursor first; \`nextCursor\` is null on the last page`,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: {
            type: 'string',
            nullable: true,
            description: 'Pass as `cursor` for the next page',
          },
        },
      },
    }),
  );
}
