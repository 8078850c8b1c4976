import { EnablePostgresExtensions1763730000000 } from './1763730000000-EnablePostgresExtensions';

/**
 * Every migration in order. Listed explicitly (no globs) so compiled and ts-node runs agree; a migration
 * produced by `npm run migration:generate` must be added here.
 */
export const allMigrations = [EnablePostgresExtensions1763730000000];
