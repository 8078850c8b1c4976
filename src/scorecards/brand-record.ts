import type { Brand } from '../catalogue/brands/brand.entity';
import type { CaptureSummary } from '../evidence/captures/captures.service';
import type { SubjectRef } from '../claims/claim-stack/subject-ref.view';
import type { CommitmentView } from '../claims/commitments/dto/commitment.view';
import type { DisclosureView } from '../claims/disclosures/dto/disclosure.view';
import type { FindingView } from '../claims/findings/dto/finding.view';
import type { ClosureView } from '../claims/findings/closures/dto/closure.view';
import type { RecordLevel, ScoringInput } from './methodology';

/** What the scorecard, the brand page and the badge show of the brand itself. */
export type BrandProfile = Pick<
  Brand,
  'id' | 'slug' | 'name' | 'aliases' | 'sectors' | 'hqCountry' | 'website' | 'companyId' | 'status'
>;

/**
 * Everything public about one brand: the brand, its group's other brands, and the verified commitments,
 * findings and disclosures of the brand and its group with their evidence and captures. Loaded in one
 * statement (BrandRecordRepository), then scored for any day without touching the database.
 */
export interface BrandRecord {
  brand: BrandProfile;
  /** The group when the reader may see it. */
  group: SubjectRef | null;
  siblings: Array<{ slug: string; name: string }>;
  commitments: CommitmentView[];
  findings: FindingView[];
  disclosures: DisclosureView[];
  /** Verified closures of those findings (findings that ended). */
  closures: ClosureView[];
  /** Done captures by evidence id. */
  captures: Map<string, CaptureSummary>;
}

/**
 * Whether a record was made about the brand or its group. The catalogue views name the subject only when
 * the reader may see it; a group-level record names its company, a brand-level one never does.
 */
export function levelOf(record: { brand: SubjectRef | null; company: SubjectRef | null }): RecordLevel {
  return record.company !== null && record.brand === null ? 'group' : 'brand';
}

/** The engine's input: every record carries its catalogue `effective_on` as the day it counts from. */
export function toScoringInput(record: BrandRecord): ScoringInput {
  return {
    commitments: record.commitments.map((c) => ({
      id: c.id,
      level: levelOf(c),
      type: c.type,
      effectiveOn: c.effectiveOn,
      supersedesId: c.supersedesId,
      status: c.status,
    })),
    findings: record.findings.map((f) => ({
      id: f.id,
      level: levelOf(f),
      kind: f.kind,
      publishedOn: f.effectiveOn,
      endedOn: f.endedOn,
      response: f.response,
      status: f.status,
    })),
    disclosures: record.disclosures.map((d) => ({
      id: d.id,
      level: d.level,
      kind: d.kind,
      disclosedOn: d.effectiveOn,
      withdrawnOn: d.withdrawnOn,
      status: d.status,
    })),
  };
}
