import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { CompaniesService } from '../../catalogue/companies/companies.service';
import type { ProposedRevision } from '../../catalogue/revisions/proposed-revision.entity';
import { RevisionsService } from '../../catalogue/revisions/revisions.service';
import type { ReviewDecision } from '../../kernel/review/review-workflow';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { UsersService } from '../../identity/users/users.service';
import { BRAND_FIELD_LABELS } from '../research/brand-form';
import { COMPANY_FIELD_LABELS } from '../research/company-form';

export const REVISION_KINDS = ['brand', 'company'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/** One field a revision changes, as people read it: the verified value and the proposed one. */
export interface FieldChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

/** A change to a verified brand or company waiting for review, as the staff pages show it. */
export interface RevisionItem {
  kind: RevisionKind;
  slug: string;
  name: string;
  href: string;
  changes: FieldChange[];
  proposedById: string;
  proposedBy: string;
  proposedAt: Date;
}

/** The record a revision changes: its current values are the "from" side. */
type RevisionRecord = { slug: string; name: string } & object;

type RevisionEntry = { kind: RevisionKind; record: RevisionRecord; revision: ProposedRevision };

/**
 * Field names as the research forms label them (a revision stores the entity's `companyId` where the brand form
 * has `company`); a field missing there shows under its own name.
 */
const FIELD_LABELS: Record<RevisionKind, Record<string, string>> = {
  brand: { ...BRAND_FIELD_LABELS, companyId: 'Group' },
  company: COMPANY_FIELD_LABELS,
};

/** How many waiting revisions the review page shows at once (oldest first). */
const PER_PAGE = 50;

/**
 * Proposed revisions of verified records for the staff pages: the reviewers' list, the one waiting on a
 * research page, and the decision passed back to the brand's or company's service (which holds four eyes).
 */
@Injectable()
export class RevisionDisplay {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly brands: BrandsService,
    private readonly companies: CompaniesService,
    private readonly users: UsersService,
  ) {}

  async waiting(): Promise<RevisionItem[]> {
    const rows = await this.revisions.waiting(PER_PAGE);
    return this.describe(
      rows.flatMap((revision): RevisionEntry[] => {
        if (revision.brand) return [{ kind: 'brand', record: revision.brand, revision }];
        if (revision.company) return [{ kind: 'company', record: revision.company, revision }];
        return [];
      }),
    );
  }

  /** The revision waiting on this brand or company, if any. */
  async of(kind: RevisionKind, record: RevisionRecord): Promise<RevisionItem | null> {
    const revision =
      kind === 'brand'
        ? await this.brands.proposedRevision(record.slug)
        : await this.companies.proposedRevision(record.slug);
    if (!revision) return null;
    const [item] = await this.describe([{ kind, record, revision }]);
    return item;
  }

  async decide(
    kind: RevisionKind,
    slug: string,
    decision: ReviewDecision,
    note: string | undefined,
    actor: AuthenticatedUser,
  ): Promise<{ name: string }> {
    return kind === 'brand'
      ? this.brands.decideRevision(slug, decision, note, actor)
      : this.companies.decideRevision(slug, decision, note, actor);
  }

  /** Labels, old and new values in words (a group by its name), and the author's email; two queries. */
  private async describe(entries: RevisionEntry[]): Promise<RevisionItem[]> {
    const groupIds = entries.flatMap(({ record, revision }) =>
      'companyId' in revision.changes
        ? [revision.changes.companyId, (record as { companyId?: unknown }).companyId]
        : [],
    );
    const [groups, authors] = await Promise.all([
      this.companies.namesByIds(groupIds.filter((id): id is string => typeof id === 'string')),
      this.users.findByIds(entries.map(({ revision }) => revision.proposedById)),
    ]);
    const words = (field: string, value: unknown) =>
      field === 'companyId' && typeof value === 'string' ? (groups.get(value) ?? value) : inWords(value);
    return entries.map(({ kind, record, revision }) => ({
      kind,
      slug: record.slug,
      name: record.name,
      href: `/research/${kind === 'brand' ? 'brands' : 'companies'}/${encodeURIComponent(record.slug)}`,
      changes: Object.entries(revision.changes).map(([field, value]) => ({
        field,
        label: FIELD_LABELS[kind][field] ?? field,
        from: words(field, (record as Record<string, unknown>)[field]),
        to: words(field, value),
      })),
      proposedById: revision.proposedById,
      proposedBy: authors.get(revision.proposedById)?.email ?? 'unknown',
      proposedAt: revision.proposedAt,
    }));
  }
}

function inWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function revisionKindOf(value: string): RevisionKind {
  const kind = REVISION_KINDS.find((known) => known === value);
  if (!kind) throw new DomainError(DomainErrorCode.NotFound, `No revisions of "${value}"`);
  return kind;
}
