/**
 * Supplier screening against entity lists, as plain functions with no Nest or database: the CLI screens two
 * CSV files with it, and the screening service runs the same comparison on the candidates Postgres finds.
 */
export { compareSupplierWithEntity } from './compare';
export type { Candidate, Decision } from './compare';
export { profileEntity, profileSupplier } from './profile';
export type { EntityInput, SupplierInput, ProfiledEntity, ProfiledSupplier } from './profile';
export { EntityIndex, screenSuppliers } from './screen';
