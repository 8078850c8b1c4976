/**
 * Every TypeORM entity, listed explicitly (no globs) so the app, the CLI and the tests load the same set.
 * Each feature module adds its entities here.
 */
export const allEntities: Array<new (...args: never[]) => object> = [];
