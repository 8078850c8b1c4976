import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { COMMITMENT_TYPES } from '../../src/kernel/as-of/commitment-type';
import { pick, type Random } from '../support/seeded-random';

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

/** The review columns the tables' CHECKs ask of a status: reviewed when decided, a note when rejected. */
function reviewed(status: string): {
  status: string;
  reviewed_at: string | null;
  review_note: string | null;
} {
  return {
    status,
    reviewed_at: status === 'verified' || status === 'rejected' ? new Date().toISOString() : null,
    review_note: status === 'rejected' ? 'not sourced' : null,
  };
}

/** One row, columns named by the keys (all from this file, never input). */
async function insert(db: DataSource, table: string, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  await db.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
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
  await insert(db, 'companies', {
    id: companyId,
    slug: `group-${tag}`,
    name: `Group ${tag}`,
    ...reviewed(pick(random, STATUSES)),
  });
  const brands: Array<{ id: string; slug: string }> = [];
  const brandCount = 1 + Math.floor(random() * 3);
  for (let index = 0; index < brandCount; index++) {
    const id = randomUUID();
    const slug = `brand-${tag}-${index}`;
    await insert(db, 'brands', {
      id,
      slug,
      name: `Brand ${tag} ${index}`,
      company_id: index > 0 || random() < 0.85 ? companyId : null,
      aliases: random() < 0.5 ? [`Alias ${tag}`] : [],
      sectors: [pick(random, ['apparel', 'electronics', 'automotive'])],
      hq_country: random() < 0.7 ? 'GB' : null,
      website: random() < 0.5 ? `https://${tag}.example.org` : null,
      ...reviewed(index === 0 ? 'verified' : pick(random, STATUSES)),
    });
    brands.push({ id, slug });
  }
  const subjects = [
    ...brands.map((b) => ({ brand_id: b.id, company_id: null })),
    { brand_id: null, company_id: companyId },
  ];
  // A statement supersedes or retracts only one of its own subject's (CommitmentsService checks it).
  const commitments = new Map<string, string[]>();
  for (let index = Math.floor(random() * 8); index > 0; index--) {
    const subject = pick(random, subjects);
    const isRetraction = random() < 0.2;
    const own = commitments.get(subject.brand_id ?? companyId) ?? [];
    const earlier = own.length ? pick(random, own) : null;
    const id = randomUUID();
    await insert(db, 'commitments', {
      id,
      ...subject,
      type: isRetraction ? 'retraction' : pick(random, COMMITMENT_TYPES),
      ...dated(random, 'stated_on'),
      summary: `Statement ${id.slice(0, 6)}`,
      supersedes_id: !isRetraction && random() < 0.3 ? earlier : null,
      retracts_id: isRetraction && random() < 0.7 ? earlier : null,
      scope: random() < 0.5 ? { tiers: 'all' } : {},
      ...reviewed(pick(random, STATUSES)),
    });
    commitments.set(subject.brand_id ?? companyId, [...own, id]);
    await citeEvidence(db, random, 'commitment_evidence', 'commitment_id', id);
  }
  for (let index = Math.floor(random() * 4); index > 0; index--) {
    const subject = pick(random, subjects);
    const id = randomUUID();
    const endedOn = random() < 0.25 ? '2024-12-31' : null;
    await insert(db, 'exposure_findings', {
      id,
      ...subject,
      kind: pick(random, [
        'named_in_report',
        'uflpa_entity_list_supplier',
        'own_facility_in_region',
        'other',
      ]),
      report_name: random() < 0.5 ? 'A report' : null,
      ...dated(random, 'published_on'),
      finding: `Finding ${id.slice(0, 6)}`,
      response: pick(random, [
        'responded_and_acted',
        'responded_without_action',
        'did_not_respond',
        'unknown',
      ]),
      ended_on: endedOn,
      ...reviewed(pick(random, STATUSES)),
    });
    await citeEvidence(db, random, 'finding_evidence', 'finding_id', id);
    if (endedOn || random() < 0.5) continue;
    // A closure before or after any asked day; sometimes not verified (then the finding still holds).
    const closureId = randomUUID();
    await insert(db, 'finding_closures', {
      id: closureId,
      finding_id: id,
      ...subject,
      ended_on: pick(random, ['2020-03-01', '2022-07-01', '2023-09-30', '2025-01-01']),
      reason: pick(random, ['facility_sold', 'facility_closed', 'relationship_ended', 'claim_withdrawn']),
      summary: 'Sold.',
      ...reviewed(pick(random, STATUSES)),
    });
    await citeEvidence(db, random, 'finding_closure_evidence', 'closure_id', closureId);
  }
  for (let index = Math.floor(random() * 3); index > 0; index--) {
    const id = randomUUID();
    await insert(db, 'disclosures', {
      id,
      ...pick(random, subjects),
      kind: pick(random, ['tier1_supplier_list', 'processing_tiers', 'raw_material_traceability']),
      ...dated(random, 'disclosed_on'),
      withdrawn_on: random() < 0.3 ? '2025-06-30' : null,
      url: `https://example.org/suppliers/${id}`,
      summary: random() < 0.5 ? 'Supplier list' : null,
      ...reviewed(pick(random, STATUSES)),
    });
    await citeEvidence(db, random, 'disclosure_evidence', 'disclosure_id', id);
  }
  return brands.map((b) => b.slug);
}

/** A record's stated day at a random precision, and the day it counts from (`<column>`, `_precision`, effective_on). */
function dated(random: Random, column: string): Record<string, string> {
  const day = randomDay(random);
  const precision = pick(random, PRECISIONS);
  return { [column]: day, [`${column}_precision`]: precision, effective_on: effective(day, precision) };
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
    await insert(db, 'evidence', {
      id,
      url: `https://example.org/evidence/${id}`,
      title: random() < 0.7 ? `Source ${id.slice(0, 6)}` : null,
      publisher: random() < 0.5 ? 'Example Press' : null,
      kind: pick(random, ['company_statement', 'ngo_report', 'news']),
      published_on: random() < 0.5 ? randomDay(random) : null,
      accessed_on: random() < 0.5 ? randomDay(random) : null,
      ...reviewed(pick(random, STATUSES)),
    });
    await insert(db, table, { [column]: ownerId, evidence_id: id });
    await insertCapture(db, random, id);
  }
}

async function insertCapture(db: DataSource, random: Random, evidenceId: string): Promise<void> {
  const state = pick(random, ['none', 'done', 'done', 'failed', 'pending'] as const);
  if (state === 'none') return;
  const hash = (seed: string) => seed.repeat(64);
  const url = `https://example.org/evidence/${evidenceId}`;
  const failed = state === 'failed';
  await insert(db, 'evidence_captures', {
    evidence_id: evidenceId,
    state,
    requested_url: url,
    ...(state === 'done'
      ? {
          version: 1,
          html_sha256: hash('a'),
          body_sha256: random() < 0.7 ? hash('b') : null,
          captured_at: new Date().toISOString(),
          http_exchange: random() < 0.5 ? { status: 200 } : null,
        }
      : {
          error_kind: failed ? 'http_status' : null,
          http_status: failed ? pick(random, [404, 410, 500]) : null,
        }),
  });
  if (state !== 'done' || random() < 0.5) return;
  await insert(db, 'link_health', {
    evidence_id: evidenceId,
    url,
    state: pick(random, ['alive', 'changed', 'dead']),
    last_checked_at: random() < 0.7 ? new Date().toISOString() : null,
    next_check_at: new Date().toISOString(),
  });
}
