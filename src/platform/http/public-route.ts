import { CustomDecorator, SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'pledgewatch:isPublic';

/**
 * Anonymous callers allowed; a signed-in caller is still resolved and available through @CurrentUser().
 * A route marker only: the auth guard (identity/) reads it, so platform pieces such as /health can be
 * public without depending on identity.
 */
export const Public = (): CustomDecorator<string> => SetMetadata(IS_PUBLIC_KEY, true);
