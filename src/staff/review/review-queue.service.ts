import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { CommitmentsService } from '../../claims/commitments/commitments.service';
import { CompaniesService } from '../../catalogue/companies/companies.service';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { FindingsService } from '../../claims/findings/findings.service';
import type { ReviewDecision } from '../../kernel/review/review-workflow';
import { UsersService } from '../../identity/users/users.service';
import { COMMITMENT_TYPE_LABELS, EVIDENCE_KIND_LABELS, FINDING_KIND_LABELS } from '../common/labels';

export const QUEUE_KINDS = ['brand', 'company', 'commitment', 'finding', 'evidence'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** One submitted entry as the reviewers' queue shows it. */
export interface QueueItem {
  kind: QueueKind;
  id: string;
  title: string;
  detail: string;
  /** Its page, where the reviewer reads it in full (evidence, captures, history). */
  href: string;
  submittedAt: Date | null;
  createdById: string | null;
  createdBy: string;
}

/** How many entries of each kind the queue shows at once (oldest submission first). */
const PER_KIND = 50;

/** Gathers what waits for review from each catalogue service, and passes decisions back to them. */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly brands: BrandsService,
    private readonly companies: CompaniesService,
    private readonly commitments: CommitmentsService,
    private readonly findings: FindingsService,
    private readonly evidence: EvidenceService,
    private readonly users: UsersService,
  ) {}

  async items(): Promise<QueueItem[]> {
    const [brands, companies, commitments, findings, evidence] = await Promise.all([
      this.brands.reviewQueue(PER_KIND),
      this.companies.reviewQueue(PER_KIND),
      this.commitments.reviewQueue(PER_KIND),
      this.findings.reviewQueue(PER_KIND),
      this.evidence.reviewQueue(PER_KIND),
    ]);
    const items: Array<Omit<QueueItem, 'createdBy'>> = [
      ...brands.map((brand) => ({
        kind: 'brand' as const,
        id: brand.id,
        title: brand.name,
        detail: [brand.sectors.join(', '), brand.hqCountry].filter(Boolean).join(' · '),
        href: `/research/brands/${brand.slug}`,
        submittedAt: brand.submittedAt,
        createdById: brand.createdById,
      })),
      ...companies.map((company) => ({
        kind: 'company' as const,
        id: company.id,
        title: company.name,
        detail: company.country ?? '',
        href: `/research/companies/${company.slug}`,
        submittedAt: company.submittedAt,
        createdById: company.createdById,
      })),
      ...commitments.map((commitment) => ({
        kind: 'commitment' as const,
        id: commitment.id,
        title: `${COMMITMENT_TYPE_LABELS[commitment.type]}: ${commitment.brand?.name ?? commitment.company?.name ?? ''}`,
        detail: `${commitment.statedOn} · ${commitment.summary}`,
        href: `/research/commitments/${commitment.id}`,
        submittedAt: commitment.submittedAt,
        createdById: commitment.createdById,
      })),
      ...findings.map((finding) => ({
        kind: 'finding' as const,
        id: finding.id,
        title: `${FINDING_KIND_LABELS[finding.kind]}: ${finding.brand?.name ?? finding.company?.name ?? ''}`,
        detail: `${finding.publishedOn} · ${finding.finding}`,
        href: `/research/findings/${finding.id}`,
        submittedAt: finding.submittedAt,
        createdById: finding.createdById,
      })),
      ...evidence.map((item) => ({
        kind: 'evidence' as const,
        id: item.id,
        title: item.title ?? item.url ?? item.documentRef ?? 'Evidence',
        detail: [EVIDENCE_KIND_LABELS[item.kind], item.publisher, item.url].filter(Boolean).join(' · '),
        href: `/research/evidence/${item.id}`,
        submittedAt: item.submittedAt,
        createdById: item.createdById,
      })),
    ];
    items.sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
    const creators = await this.users.findByIds(
      items.map((item) => item.createdById).filter((id): id is string => id !== null),
    );
    return items.map((item) => ({
      ...item,
      createdBy: item.createdById
        ? (creators.get(item.createdById)?.email ?? 'unknown')
        : 'the system (import)',
    }));
  }

  async review(
    kind: QueueKind,
    id: string,
    decision: ReviewDecision,
    note: string | undefined,
    actor: AuthenticatedUser,
    withSources = false,
  ): Promise<void> {
    switch (kind) {
      case 'brand':
        await this.brands.review(id, decision, note, actor);
        return;
      case 'company':
        await this.companies.review(id, decision, note, actor);
        return;
      case 'commitment':
        await this.commitments.review(id, decision, note, actor, { withSources });
        return;
      case 'finding':
        await this.findings.review(id, decision, note, actor, { withSources });
        return;
      case 'evidence':
        await this.evidence.review(id, decision, note, actor);
        return;
    }
  }
}

export function queueKindOf(value: string): QueueKind {
  const kind = QUEUE_KINDS.find((known) => known === value);
  if (!kind) throw new DomainError(DomainErrorCode.NotFound, `No review queue for "${value}"`);
  return kind;
}
