import type { DataSource } from 'typeorm';
import { LINK_TABLES, type EvidenceOwner } from '../../evidence/sources/evidence.repository';

export interface UnsourcedClaim {
  kind: EvidenceOwner;
  id: string;
  subject: string;
  reviewedAt: string | null;
}

/** Each claim table; its link table to its sources is the evidence repository's (LINK_TABLES). */
const CLAIM_TABLES: ReadonlyArray<{ kind: EvidenceOwner; table: string }> = [
  { kind: 'commitment', table: 'commitments' },
  { kind: 'finding', table: 'exposure_findings' },
  { kind: 'disclosure', table: 'disclosures' },
  { kind: 'closure', table: 'finding_closures' },
];

/**
 * Verified claims that cite no verified source: what the publication rule (docs/data-model.md) forbids
 * from now on, and what was verified before it held. One read over the three claim tables, for the
 * `publication:check` command; the review path itself refuses new ones.
 */
export async function findUnsourcedClaims(dataSource: DataSource): Promise<UnsourcedClaim[]> {
  const parts = CLAIM_TABLES.map(({ kind, table }) => {
    const { table: links, column } = LINK_TABLES[kind];
    return `
SELECT '${kind}' AS kind, c.id, coalesce(b.slug, g.slug) AS subject,
       to_char(c.reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "reviewedAt"
FROM ${table} c
LEFT JOIN brands b ON b.id = c.brand_id
LEFT JOIN companies g ON g.id = c.company_id
WHERE c.status = 'verified'
  AND NOT EXISTS (
    SELECT 1 FROM ${links} link JOIN evidence e ON e.id = link.evidence_id
    WHERE link.${column} = c.id AND e.status = 'verified')`;
  });
  return dataSource.query<UnsourcedClaim[]>(`${parts.join('\nUNION ALL')}\nORDER BY kind, subject, id`);
}
