import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { badCursor, CURSOR_UUID, decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../../platform/pagination/page';
import { isIsoDate } from '../../kernel/dates/is-iso-date';
import { effectiveDate, normaliseDate } from '../../kernel/dates/known-date';
import { CompaniesService } from '../../catalogue/companies/companies.service';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { ReviewRunner, ReviewTarget } from '../../kernel/review/review-runner';
import { ReviewStatus } from '../../kernel/review/review-status';
import type { ReviewDecision } from '../../kernel/review/review-workflow';
import { SYSTEM_READER, Viewer, visibleStatuses } from '../../kernel/review/visibility';
import { Disclosure } from './disclosure.entity';
import { toDisclosureView } from './disclosure-view.mapper';
import { DisclosureListFilter, DisclosureRow, DisclosuresRepository } from './disclosures.repository';
import type { CreateDisclosureDto } from './dto/create-disclosure.dto';
import type { DisclosureView } from './dto/disclosure.view';
import type { ListDisclosuresQueryDto } from './dto/list-disclosures-query.dto';

type Subject = { brandId: string } | { companyId: string };

/**
 * Supply-chain disclosures (methodology "Traceability and disclosure"): created as drafts, reviewed with the
 * same workflow and four-eyes rule as every claim, never verified without evidence.
 */
@Injectable()
export class DisclosuresService {
  private readonly reviewTarget: ReviewTarget<Disclosure>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly disclosures: DisclosuresRepository,
    private readonly brands: BrandsService,
    private readonly companies: CompaniesService,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
    private readonly reviews: ReviewRunner,
  ) {
    this.reviewTarget = {
      entity: Disclosure,
      auditType: 'disclosure',
      beforeVerify: async (manager: EntityManager, record: Disclosure) => {
        if ((await this.evidence.countLinks(manager, 'disclosure', record.id)) === 0) {
          throw new DomainError(
            DomainErrorCode.InvalidState,
            'Link evidence to this disclosure before verifying it',
          );
        }
      },
    };
  }

  async createForBrand(brandRef: string, input: CreateDisclosureDto, actor: AuthenticatedUser | null) {
    const brand = await this.brands.findByRef(brandRef);
    if (!brand) throw new DomainError(DomainErrorCode.NotFound, `No brand "${brandRef}"`);
    return this.insert({ brandId: brand.id }, input, actor);
  }

  async createForCompany(companyRef: string, input: CreateDisclosureDto, actor: AuthenticatedUser | null) {
    const company = await this.companies.findByRef(companyRef);
    if (!company) throw new DomainError(DomainErrorCode.NotFound, `No company "${companyRef}"`);
    return this.insert({ companyId: company.id }, input, actor);
  }

  async get(id: string, viewer: Viewer): Promise<DisclosureView> {
    const [row] = await this.disclosures.list({ statuses: visibleStatuses(viewer), id, limit: 1 });
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `No disclosure ${id}`);
    return (await this.withEvidence([row], viewer))[0];
  }

  /** A brand's disclosures and its group's, newest first. 404 for a brand the reader cannot see. */
  async listForBrand(
    brandRef: string,
    query: ListDisclosuresQueryDto,
    viewer: Viewer,
  ): Promise<Page<DisclosureView>> {
    const brand = await this.brands.get(brandRef, viewer);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const statuses = visibleStatuses(viewer, query.status);
    if (!statuses.length) return { items: [], nextCursor: null };
    const filter: DisclosureListFilter = {
      statuses,
      brandId: brand.id,
      brandCompanyId: brand.companyId,
      limit: limit + 1,
    };
    if (query.cursor) {
      const before = decodeCursor(query.cursor, ['disclosedOn', 'id'] as const);
      if (!isIsoDate(before.disclosedOn) || !CURSOR_UUID.test(before.id)) throw badCursor();
      filter.before = before;
    }
    const page = toPage(
      await this.disclosures.list(filter),
      limit,
      (row) => encodeCursor({ disclosedOn: row.disclosed_on, id: row.id }),
      (row) => row,
    );
    return { items: await this.withEvidence(page.items, viewer), nextCursor: page.nextCursor };
  }

  /** For scorecards: every verified disclosure of a brand and its group, with verified evidence; one query each. */
  async verifiedForBrand(brandId: string, companyId: string | null): Promise<DisclosureView[]> {
    const rows = await this.disclosures.list({
      statuses: [ReviewStatus.Verified],
      brandId,
      brandCompanyId: companyId,
      limit: 1000,
    });
    return this.withEvidence(rows, undefined);
  }

  submit(id: string, actor: AuthenticatedUser): Promise<Disclosure> {
    return this.reviews.submit(this.reviewTarget, id, actor);
  }

  review(id: string, decision: ReviewDecision, note: string | undefined, actor: AuthenticatedUser) {
    return this.reviews.review(this.reviewTarget, id, decision, note, actor);
  }

  /** Verifies on the system's authority (demo seeds, trusted imports); audited, no HTTP route. */
  verifyAsSystem(id: string, note: string): Promise<Disclosure> {
    return this.reviews.verifyAsSystem(this.reviewTarget, id, note);
  }

  private async withEvidence(rows: DisclosureRow[], viewer: Viewer): Promise<DisclosureView[]> {
    const evidence = await this.evidence.linkedTo(
      'disclosure',
      rows.map((row) => row.id),
      viewer,
    );
    return rows.map((row) => toDisclosureView(row, evidence.get(row.id) ?? [], viewer));
  }

  private async insert(subject: Subject, input: CreateDisclosureDto, actor: AuthenticatedUser | null) {
    const disclosedOn = normaliseDate(input.disclosedOn, input.disclosedOnPrecision);
    if (input.withdrawnOn && input.withdrawnOn < disclosedOn) {
      throw new DomainError(DomainErrorCode.InvalidInput, 'withdrawnOn: cannot be before disclosedOn', [
        { field: 'withdrawnOn', reasons: ['withdrawnOn cannot be before disclosedOn'] },
      ]);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Disclosure);
      const saved = await repository.save(
        repository.create({
          brandId: 'brandId' in subject ? subject.brandId : null,
          companyId: 'companyId' in subject ? subject.companyId : null,
          kind: input.kind,
          disclosedOn,
          disclosedOnPrecision: input.disclosedOnPrecision,
          effectiveOn: effectiveDate(disclosedOn, input.disclosedOnPrecision),
          withdrawnOn: input.withdrawnOn ?? null,
          url: input.url,
          summary: input.summary?.trim() || null,
          status: ReviewStatus.Draft,
          createdById: actor?.id ?? null,
        }),
      );
      await this.evidence.attach(manager, 'disclosure', saved.id, input.evidenceIds ?? []);
      await this.audit.record(manager, {
        actorId: actor?.id ?? null,
        action: 'disclosure.create',
        entityType: 'disclosure',
        entityId: saved.id,
        before: null,
        after: { ...saved, evidenceIds: input.evidenceIds ?? [] },
      });
      return saved.id;
    });
    return this.get(id, actor ?? SYSTEM_READER);
  }
}
