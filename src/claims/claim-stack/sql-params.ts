/** Positional parameters for a query built from optional filters: `param(v)` adds v and returns `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * "A brand's own claims and its group's" (or only its own when it has no group), for a claim table aliased
 * `alias`. Served by the idx_<table>_brand and idx_<table>_company indexes.
 */
export function brandOrGroupClause(
  alias: string,
  params: SqlParams,
  brandId: string,
  brandCompanyId: string | null | undefined,
): string {
  const own = `${alias}.brand_id = ${params.param(brandId)}::uuid`;
  return brandCompanyId ? `(${own} OR ${alias}.company_id = ${params.param(brandCompanyId)}::uuid)` : own;
}
