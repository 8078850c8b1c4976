import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC_KEY = 'pledgewatch:isPublic';
/** Marks public operations in the OpenAPI document, so clients (and the error documentation) know them. */
export const IS_PUBLIC_EXTENSION = 'x-public';

/**
 * Anonymous callers allowed; a signed-in caller is still resolved and available through @CurrentUser().
 * A route marker only: the auth guard (identity/) reads it, so platform pieces such as /health can be
 * public without depending on identity.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension(IS_PUBLIC_EXTENSION, true));
