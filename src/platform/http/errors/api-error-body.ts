import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from './error-body';

/** The error shape (`ErrorBody`) as the OpenAPI document shows it; every error response refers to it. */
export class ApiErrorBody implements ErrorBody {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found', description: 'The HTTP reason phrase' }) error!: string;
  @ApiProperty({ example: 'No brand "acme"', description: 'What went wrong, in words a user can act on' })
  message!: string;
  @ApiPropertyOptional({
    description: 'For invalid input, the fields and their problems: `[{field, reasons}]`',
    oneOf: [{ type: 'array', items: { type: 'object' } }, { type: 'object' }],
  })
  details?: unknown;
}
