import type { DataSource } from 'typeorm';

export interface UnsourcedClaim {
  kind: 'commitment' | 'finding' | 'disclosure' | 'closure';
  id: string;
  subject: string;
  reviewedAt: string | null;
}

/** Each claim table with the link table of its sources (evidence.repository.ts names the same pairs). */
const CLAIM_TABLES = [
  { kind: 'commitment', table: 'commitments', links: 'commitment_evidence', column: 'commitment_id' },
  { kind: 'finding', table: 'exposure_findings', links: 'finding_evidence', column: 'finding_id' },
  { kind: 'disclosure', table: 'disclosures', links: 'disclosure_evidence', column: 'disclosure_id' },
  { kind: 'closure', table: 'finding_closures', links: 'finding_closure_evidence', column: 'closure_id' },
] as const;

/**
 * Verified claims that cite no verified source: what the publication rule (docs/data-model.md) forbids
 * from now on, and what was verified before it held. One read over the three claim tables, for the
 * `publication:check` command; the review path itself refuses new ones.
 */
export async function findUnsourcedClaims(dataSource: DataSource): Promise<UnsourcedClaim[]> {
  const parts = CLAIM_TABLES.map(
    ({ kind, table, links, column }) => `
SELECT '${kind}' AS kind, c.id, coalesce(b.slug, g.slug) AS subject,
       to_char(c.reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "reviewedAt"
FROM ${table} c
LEFT JOIN brands b ON b.id = c.brand_id
LEFT JOIN companies g ON g.id = c.company_id
WHERE c.status = 'verified'
  AND NOT EXISTS (
    SELECT 1 FROM ${links} link JOIN evidence e ON e.id = link.evidence_id
    WHERE link.${column} = c.id AND e.status = 'verified')`,
  );
  return dataSource.query<UnsourcedClaim[]>(`${parts.join('\nUNION ALL')}\nORDER BY kind, subject, id`);
}
