import type { EntityManager } from 'typeorm';
import type { CaptureState } from './capture.entity';
import { captureFailureReason } from './capture-failure';
import type { LinkHealthState } from './link-health-state';

/**
 * Where the archived copy of one piece of evidence stands, for pages that list evidence: archived (when, with
 * the original's hashes), pending, or failed (why), and what the latest link check found.
 */
export interface CaptureSummary {
  state: 'archived' | 'pending' | 'failed';
  /** How many versions are archived (1 = the original only); 0 until archived. */
  versions: number;
  /** When the original (version 1) was taken. */
  originalCapturedAt: string | null;
  /** SHA-256 of the original bytes as fetched (null for captures taken before originals were kept). */
  originalSha256: string | null;
  /** SHA-256 of the page as rendered. */
  renderedSha256: string | null;
  /** The original and its HTTP exchange are kept, so the capture can be exported as a WACZ. */
  exportable: boolean;
  /** Why the capture failed, in words ("not found (the page answered 404)"). */
  failure: string | null;
  /** What the latest re-check of the URL found; null until one has run. */
  link: LinkHealthState | null;
  linkCheckedAt: string | null;
}

/** A row of captureSummariesSql; timestamps as Dates (pg) or ISO text (inside JSON). */
export interface CaptureSummaryRow {
  evidence_id: string;
  versions: number;
  captured_at: Date | string | null;
  body_sha256: string | null;
  html_sha256: string | null;
  has_exchange: boolean | null;
  latest_state: CaptureState;
  error_kind: string | null;
  http_status: number | null;
  link_state: LinkHealthState | null;
  last_checked_at: Date | string | null;
}

/**
 * One row per evidence id of `ids` (a FROM item aliased `e` with a uuid column `evidence_id`): the original (version 1),
 * the latest attempt and the link health, served by uq_evidence_captures_version,
 * idx_evidence_captures_evidence and pk_link_health. Evidence with no capture attempt at all (an uploaded
 * document) has no row. Scorecards embed it in their one-statement load.
 */
export function captureSummariesSql(ids: string): string {
  return `
  SELECT e.evidence_id,
         (SELECT count(*)::int FROM evidence_captures d
           WHERE d.evidence_id = e.evidence_id AND d.state = 'done') AS versions,
         v1.captured_at, v1.body_sha256, v1.html_sha256, v1.http_exchange IS NOT NULL AS has_exchange,
         latest.state AS latest_state, latest.error_kind, latest.http_status,
         h.state AS link_state, h.last_checked_at
    FROM ${ids}
    JOIN LATERAL (SELECT state, error_kind, http_status FROM evidence_captures c
                   WHERE c.evidence_id = e.evidence_id ORDER BY created_at DESC LIMIT 1) latest ON true
    LEFT JOIN evidence_captures v1 ON v1.evidence_id = e.evidence_id AND v1.version = 1
    LEFT JOIN link_health h ON h.evidence_id = e.evidence_id`;
}

const SUMMARIES_SQL = captureSummariesSql('unnest($1::uuid[]) AS e(evidence_id)');

export async function captureSummaries(
  manager: EntityManager,
  evidenceIds: string[],
): Promise<Map<string, CaptureSummary>> {
  if (!evidenceIds.length) return new Map();
  const rows = await manager.query<CaptureSummaryRow[]>(SUMMARIES_SQL, [[...new Set(evidenceIds)]]);
  return new Map(rows.map((row) => [row.evidence_id, toCaptureSummary(row)]));
}

export function toCaptureSummary(row: CaptureSummaryRow): CaptureSummary {
  const archived = row.versions > 0;
  return {
    state: archived ? 'archived' : row.latest_state === 'failed' ? 'failed' : 'pending',
    versions: row.versions,
    originalCapturedAt: row.captured_at ? new Date(row.captured_at).toISOString() : null,
    originalSha256: row.body_sha256,
    renderedSha256: row.html_sha256,
    exportable: Boolean(row.body_sha256 && row.has_exchange),
    failure:
      !archived && row.latest_state === 'failed'
        ? captureFailureReason({ errorKind: row.error_kind, httpStatus: row.http_status })
        : null,
    // The row starts 'alive' when the original is stored; until a check has run, nothing is known.
    link: row.last_checked_at ? row.link_state : null,
    linkCheckedAt: row.last_checked_at ? new Date(row.last_checked_at).toISOString() : null,
  };
}
