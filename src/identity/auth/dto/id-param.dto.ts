import { IsUUID } from 'class-validator';

/** `:id` path parameters: a malformed id is a 400 naming `id`, not a database error. */
export class IdParamDto {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}
