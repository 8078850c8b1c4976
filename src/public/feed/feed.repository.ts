import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface FeedRow {
  record: 'commitment' | 'finding' | 'disclosure';
  id: string;
  type: string;
  text: string;
  effective_on: string;
  /** When the change became public knowledge here: see `changedAt` below. */
  changed_at: Date;
  brand_slug: string | null;
  brand_name: string | null;
  company_slug: string | null;
  company_name: string | null;
}

/**
 * When an entry changed, for Atom's `updated`: the moment a reviewer verified it; for rows the system verified
 * on import (no reviewer), the day the change itself took effect, since the moment of import says nothing
 * about the brand (a demo load would otherwise date every entry to the same second).
 */
const CHANGED_AT = `CASE WHEN r.reviewed_by IS NULL THEN r.effective_on::timestamp AT TIME ZONE 'UTC'
                         ELSE r.reviewed_at END`;

/**
 * The newest verified changes across the catalogue, for the Atom feed: one read-only statement over the three
 * claim tables, newest change first. It reads other features' tables directly because it is a
 * cross-cutting read model (like the campaigner search); each branch only sees verified rows of verified
 * subjects, so nothing unpublished can leak.
 */
@Injectable()
export class FeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  recentlyVerified(limit: number): Promise<FeedRow[]> {
    const branch = (record: string, table: string, type: string, text: string) => `
      SELECT '${record}' AS record, r.id, r.${type} AS type, ${text} AS text, r.effective_on::text AS effective_on,
             ${CHANGED_AT} AS changed_at,
             b.slug AS brand_slug, b.name AS brand_name, c.slug AS company_slug, c.name AS company_name
      FROM ${table} r
      LEFT JOIN brands b ON b.id = r.brand_id AND b.status = 'verified'
      LEFT JOIN companies c ON c.id = r.company_id AND c.status = 'verified'
      WHERE r.status = 'verified' AND (b.id IS NOT NULL OR c.id IS NOT NULL)`;
    return this.dataSource.query<FeedRow[]>(
      `SELECT * FROM (
         ${branch('commitment', 'commitments', 'type', 'r.summary')}
         UNION ALL ${branch('finding', 'exposure_findings', 'kind', 'r.finding')}
         UNION ALL ${branch('disclosure', 'disclosures', 'kind', 'coalesce(r.summary, r.url)')}
       ) changes
       ORDER BY changed_at DESC, id DESC
       LIMIT $1`,
      [limit],
    );
  }
}
