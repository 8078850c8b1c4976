import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, registerDecorator, ValidationOptions } from 'class-validator';
import { looksLikeCursor } from './cursor';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page';

/** `cursor` and `limit`, shared by every list endpoint's query DTO. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsCursor()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export function IsCursor(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCursor',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} is not a cursor this list returned`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && looksLikeCursor(value) },
    });
  };
}
