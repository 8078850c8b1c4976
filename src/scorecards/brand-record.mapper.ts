import { brandNotFound } from '../catalogue/brands/brand-not-found';
import { toCommitmentView } from '../claims/commitments/commitment-view.mapper';
import { toDisclosureView } from '../claims/disclosures/disclosure-view.mapper';
import { toClosureView } from '../claims/findings/closures/closure-view.mapper';
import { toFindingView } from '../claims/findings/finding-view.mapper';
import { toCaptureSummary } from '../evidence/captures/capture-summaries';
import type { EvidenceFields } from '../evidence/sources/dto/evidence.view';
import { canSee, type Viewer } from '../kernel/review/visibility';
import type { BrandRecord } from './brand-record';
import type { BrandRecordEvidenceRow, BrandRecordRow } from './brand-record.repository';

/**
 * The loaded row as the BrandRecord the engine and the view mappers read. The brand and its group follow the
 * reader's visibility (a 404 for a brand they may not see, as BrandsService.get); the records are public ones,
 * mapped as an anonymous reader sees them, whoever reads.
 */
export function toBrandRecord(
  ref: string,
  row: BrandRecordRow,
  viewer: Viewer,
  siblingsShown: number,
): BrandRecord {
  const brand = row.brand;
  if (!brand || !canSee(viewer, brand.status)) throw brandNotFound(ref);
  const evidence = evidenceByOwner(row.evidence);
  const of = (id: string) => evidence.get(id) ?? [];
  const groupVisible =
    brand.company_slug !== null && brand.company_status !== null && canSee(viewer, brand.company_status);
  return {
    brand: {
      id: brand.id,
      slug: brand.slug,
      name: brand.name,
      aliases: brand.aliases,
      sectors: brand.sectors,
      hqCountry: brand.hq_country,
      website: brand.website,
      companyId: brand.company_id,
      status: brand.status,
    },
    group: groupVisible ? { slug: brand.company_slug ?? '', name: brand.company_name ?? '' } : null,
    siblings: row.siblings
      .filter((sibling) => sibling.id !== brand.id)
      .slice(0, siblingsShown)
      .map((sibling) => ({ slug: sibling.slug, name: sibling.name })),
    commitments: row.commitments.map((c) => toCommitmentView(c, of(c.id), undefined)),
    findings: row.findings.map((f) => toFindingView(f, of(f.id), undefined)),
    disclosures: row.disclosures.map((d) => toDisclosureView(d, of(d.id), undefined)),
    closures: row.closures.map((c) => toClosureView(c, of(c.id), undefined)),
    captures: new Map(row.captures.map((capture) => [capture.evidence_id, toCaptureSummary(capture)])),
  };
}

/** Evidence rows (ordered by owner, then oldest first) grouped by the record citing them. */
function evidenceByOwner(rows: BrandRecordEvidenceRow[]): Map<string, EvidenceFields[]> {
  const byOwner = new Map<string, EvidenceFields[]>();
  for (const row of rows) {
    const item: EvidenceFields = {
      id: row.id,
      url: row.url,
      documentRef: row.document_ref,
      title: row.title,
      publisher: row.publisher,
      kind: row.kind,
      publishedOn: row.published_on,
      accessedOn: row.accessed_on,
      status: row.status,
      createdAt: new Date(row.created_at),
      reviewNote: row.review_note,
    };
    const list = byOwner.get(row.owner_id);
    if (list) list.push(item);
    else byOwner.set(row.owner_id, [item]);
  }
  return byOwner;
}
