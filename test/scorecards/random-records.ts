import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { COMMITMENT_TYPES } from '../../src/kernel/as-of/commitment-type';

export type Random = () => number;

/** A linear congruential generator: the same seed seeds the same catalogue, so a failure can be replayed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

/** Mostly verified, with drafts, submissions and rejections among them (none of which may ever show). */
const STATUSES = ['verified', 'verified', 'verified', 'draft', 'submitted', 'rejected'] as const;
const PRECISIONS = ['day', 'day', 'month', 'year'] as const;

/** Few distinct days between 2019 and 2024, so that records often share one with another or with asOf. */
function randomDay(random: Random): string {
  return new Date(Date.UTC(2019, 0, 1) + Math.floor(random() * 36) * 61 * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** The day a record counts from at its precision (known-date.ts; the tables' CHECKs hold us to it). */
function effective(day: string, precision: string): string {
  const [year, month] = day.split('-').map(Number);
  if (precision === 'year') return `${year}-12-31`;
  if (precision === 'month') return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return day;
}

function reviewColumns(status: string): [string | null, string | null] {
  return [
    status === 'verified' || status === 'rejected' ? new Date().toISOString() : null,
    status === 'rejected' ? 'not sourced' : null,
  ];
}

/**
 * A group (verified or not) with one to three brands, and a random mix of commitments (superseding and
 * retracting), findings (ended with the finding, or by a closure before or after any day), closures and
 * disclosures on the brands and the group, each citing zero to two pieces of evidence (verified or not) with
 * or without a capture (archived, failed, pending) and a link check. Plain inserts: fast and free to make
 * shapes the API would take several steps to reach. Returns the slugs of the brands.
 */
export async function insertRandomGroup(db: DataSource, random: Random): Promise<string[]> {
  const companyId = randomUUID();
  const tag = companyId.slice(0, 8);
  const companyStatus = pick(random, STATUSES);
  await db.query(
    `INSERT INTO companies (id, slug, name, status, reviewed_at, review_note) VALUES ($1, $2, $3, $4, $5, $6)`,
    [companyId, `group-${tag}`, `Group ${tag}`, companyStatus, ...reviewColumns(companyStatus)],
  );
  const brands: Array<{ id: string; slug: string }> = [];
  const brandCount = 1 + Math.floor(random() * 3);
  for (let index = 0; index < brandCount; index++) {
    const id = randomUUID();
    const slug = `brand-${tag}-${index}`;
    const status = index === 0 ? 'verified' : pick(random, STATUSES);
    const inGroup = index > 0 || random() < 0.85;
    await db.query(
      `INSERT INTO brands (id, slug, name, company_id, aliases, sectors, hq_country, website, status, reviewed_at, review_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        slug,
        `Brand ${tag} ${index}`,
        inGroup ? companyId : null,
        random() < 0.5 ? [`Alias ${tag}`] : [],
        [pick(random, ['apparel', 'electronics', 'automotive'])],
        random() < 0.7 ? 'GB' : null,
        random() < 0.5 ? `https://${tag}.example.org` : null,
        status,
        ...reviewColumns(status),
      ],
    );
    brands.push({ id, slug });
  }
  const subjects = [...brands.map((b) => ({ brandId: b.id, companyId: null })), { brandId: null, companyId }];
  // A statement supersedes or retracts only one of its own subject's (CommitmentsService checks it).
  const commitments = new Map<string, string[]>();
  for (let index = Math.floor(random() * 8); index > 0; index--) {
    const subject = pick(random, subjects);
    const status = pick(random, STATUSES);
    const isRetraction = random() < 0.2;
    const type = isRetraction ? 'retraction' : pick(random, COMMITMENT_TYPES);
    const precision = pick(random, PRECISIONS);
    const day = randomDay(random);
    const id = randomUUID();
    const own = commitments.get(subject.brandId ?? companyId) ?? [];
    const earlier = own.length ? pick(random, own) : null;
    await db.query(
      `INSERT INTO commitments (id, brand_id, company_id, type, stated_on, stated_on_precision, effective_on,
         summary, supersedes_id, retracts_id, status, reviewed_at, review_note, scope)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        id,
        subject.brandId,
        subject.companyId,
        type,
        day,
        precision,
        effective(day, precision),
        `Statement ${id.slice(0, 6)}`,
        !isRetraction && random() < 0.3 ? earlier : null,
        isRetraction && random() < 0.7 ? earlier : null,
        status,
        ...reviewColumns(status),
        random() < 0.5 ? { tiers: 'all' } : {},
      ],
    );
    commitments.set(subject.brandId ?? companyId, [...own, id]);
    await citeEvidence(db, random, 'commitment_evidence', 'commitment_id', id);
  }
  for (let index = Math.floor(random() * 4); index > 0; index--) {
    const subject = pick(random, subjects);
    const status = pick(random, STATUSES);
    const precision = pick(random, PRECISIONS);
    const day = randomDay(random);
    const id = randomUUID();
    const endedOn = random() < 0.25 ? '2024-12-31' : null;
    await db.query(
      `INSERT INTO exposure_findings (id, brand_id, company_id, kind, report_name, published_on, published_on_precision,
         effective_on, finding, response, ended_on, status, reviewed_at, review_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        id,
        subject.brandId,
        subject.companyId,
        pick(random, ['named_in_report', 'uflpa_entity_list_supplier', 'own_facility_in_region', 'other']),
        random() < 0.5 ? 'A report' : null,
        day,
        precision,
        effective(day, precision),
        `Finding ${id.slice(0, 6)}`,
        pick(random, ['responded_and_acted', 'responded_without_action', 'did_not_respond', 'unknown']),
        endedOn,
        status,
        ...reviewColumns(status),
      ],
    );
    await citeEvidence(db, random, 'finding_evidence', 'finding_id', id);
    if (!endedOn && random() < 0.5) {
      // A closure before or after any asked day; sometimes not verified (then the finding still holds).
      const closureId = randomUUID();
      const closureStatus = pick(random, STATUSES);
      await db.query(
        `INSERT INTO finding_closures (id, finding_id, brand_id, company_id, ended_on, reason, summary, status,
           reviewed_at, review_note)
         VALUES ($1, $2, $3, $4, $5, $6, 'Sold.', $7, $8, $9)`,
        [
          closureId,
          id,
          subject.brandId,
          subject.companyId,
          pick(random, ['2020-03-01', '2022-07-01', '2023-09-30', '2025-01-01']),
          pick(random, ['facility_sold', 'facility_closed', 'relationship_ended', 'claim_withdrawn']),
          closureStatus,
          ...reviewColumns(closureStatus),
        ],
      );
      await citeEvidence(db, random, 'finding_closure_evidence', 'closure_id', closureId);
    }
  }
  for (let index = Math.floor(random() * 3); index > 0; index--) {
    const subject = pick(random, subjects);
    const status = pick(random, STATUSES);
    const precision = pick(random, PRECISIONS);
    const day = randomDay(random);
    const id = randomUUID();
    await db.query(
      `INSERT INTO disclosures (id, brand_id, company_id, kind, disclosed_on, disclosed_on_precision, effective_on,
         withdrawn_on, url, summary, status, reviewed_at, review_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        id,
        subject.brandId,
        subject.companyId,
        pick(random, ['tier1_supplier_list', 'processing_tiers', 'raw_material_traceability']),
        day,
        precision,
        effective(day, precision),
        random() < 0.3 ? '2025-06-30' : null,
        `https://example.org/suppliers/${id}`,
        random() < 0.5 ? 'Supplier list' : null,
        status,
        ...reviewColumns(status),
      ],
    );
    await citeEvidence(db, random, 'disclosure_evidence', 'disclosure_id', id);
  }
  return brands.map((b) => b.slug);
}

/** Zero to two pieces of evidence for a record, each captured or not, in any state. */
async function citeEvidence(
  db: DataSource,
  random: Random,
  table: string,
  column: string,
  ownerId: string,
): Promise<void> {
  for (let index = Math.floor(random() * 3); index > 0; index--) {
    const id = randomUUID();
    const status = pick(random, STATUSES);
    await db.query(
      `INSERT INTO evidence (id, url, title, publisher, kind, published_on, accessed_on, status, reviewed_at, review_note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        `https://example.org/evidence/${id}`,
        random() < 0.7 ? `Source ${id.slice(0, 6)}` : null,
        random() < 0.5 ? 'Example Press' : null,
        pick(random, ['company_statement', 'ngo_report', 'news']),
        random() < 0.5 ? randomDay(random) : null,
        random() < 0.5 ? randomDay(random) : null,
        status,
        ...reviewColumns(status),
      ],
    );
    await db.query(`INSERT INTO ${table} (${column}, evidence_id) VALUES ($1, $2)`, [ownerId, id]);
    await insertCapture(db, random, id);
  }
}

async function insertCapture(db: DataSource, random: Random, evidenceId: string): Promise<void> {
  const state = pick(random, ['none', 'done', 'done', 'failed', 'pending'] as const);
  if (state === 'none') return;
  const hash = (seed: string) => seed.repeat(64).slice(0, 64);
  const url = `https://example.org/evidence/${evidenceId}`;
  if (state === 'done') {
    await db.query(
      `INSERT INTO evidence_captures (evidence_id, state, version, requested_url, html_sha256, body_sha256,
         captured_at, http_exchange)
       VALUES ($1, 'done', 1, $2, $3, $4, now(), $5)`,
      [
        evidenceId,
        url,
        hash('a'),
        random() < 0.7 ? hash('b') : null,
        random() < 0.5 ? { status: 200 } : null,
      ],
    );
    if (random() < 0.5) {
      await db.query(
        `INSERT INTO link_health (evidence_id, url, state, last_checked_at, next_check_at)
         VALUES ($1, $2, $3, $4, now())`,
        [evidenceId, url, pick(random, ['alive', 'changed', 'dead']), random() < 0.7 ? new Date() : null],
      );
    }
    return;
  }
  await db.query(
    `INSERT INTO evidence_captures (evidence_id, state, requested_url, error_kind, http_status)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      evidenceId,
      state,
      url,
      state === 'failed' ? 'http_status' : null,
      state === 'failed' ? pick(random, [404, 410, 500]) : null,
    ],
  );
}
