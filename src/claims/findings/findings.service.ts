import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import {
  badCursor,
  CURSOR_TIMESTAMP,
  CURSOR_UUID,
  decodeCursor,
  encodeCursor,
} from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../../platform/pagination/page';
import { effectiveDate, normaliseDate } from '../../kernel/dates/known-date';
import { today } from '../../kernel/dates/today';
import { CompaniesService } from '../../catalogue/companies/companies.service';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { ReviewRunner, ReviewTarget } from '../../kernel/review/review-runner';
import { ReviewStatus } from '../../kernel/review/review-status';
import type { ReviewDecision } from '../../kernel/review/review-workflow';
import { SYSTEM_READER, Viewer, visibleStatuses } from '../../kernel/review/visibility';
import type { CreateFindingDto, CreateFindingWithSubjectDto } from './dto/create-finding.dto';
import type { FindingView } from './dto/finding.view';
import type { ListFindingsQueryDto } from './dto/list-findings-query.dto';
import { ExposureFinding } from './exposure-finding.entity';
import { toFindingView } from './finding-view.mapper';
import { FindingListFilter, FindingRow, FindingsRepository } from './findings.repository';

type Subject = { brandId: string } | { companyId: string };

/** Exposure findings: documented links between a brand (or group) and the region, and the response. */
@Injectable()
export class FindingsService {
  private readonly reviewTarget: ReviewTarget<ExposureFinding>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly findings: FindingsRepository,
    private readonly brands: BrandsService,
    private readonly companies: CompaniesService,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
    private readonly reviews: ReviewRunner,
  ) {
    this.reviewTarget = {
      entity: ExposureFinding,
      auditType: 'exposure_finding',
      beforeVerify: async (manager: EntityManager, record: ExposureFinding) => {
        if ((await this.evidence.countLinks(manager, 'finding', record.id)) === 0) {
          throw new DomainError(
            DomainErrorCode.InvalidState,
            'Link evidence to this finding before verifying it',
          );
        }
      },
    };
  }

  /** POST /api/findings: the subject is named in the body (exactly one of brand, company). */
  async create(input: CreateFindingWithSubjectDto, actor: AuthenticatedUser | null): Promise<FindingView> {
    const { brand, company, ...finding } = input;
    if ((brand === undefined) === (company === undefined)) {
      throw new DomainError(DomainErrorCode.InvalidInput, 'brand: give either brand or company', [
        { field: 'brand', reasons: ['give either brand or company, not both or neither'] },
      ]);
    }
    return brand !== undefined
      ? this.createForBrand(brand, finding, actor)
      : this.createForCompany(company ?? '', finding, actor);
  }

  async createForBrand(brandRef: string, input: CreateFindingDto, actor: AuthenticatedUser | null) {
    const brand = await this.brands.findByRef(brandRef);
    if (!brand) throw new DomainError(DomainErrorCode.NotFound, `No brand "${brandRef}"`);
    return this.insert({ brandId: brand.id }, input, actor);
  }

  async createForCompany(companyRef: string, input: CreateFindingDto, actor: AuthenticatedUser | null) {
    const company = await this.companies.findByRef(companyRef);
    if (!company) throw new DomainError(DomainErrorCode.NotFound, `No company "${companyRef}"`);
    return this.insert({ companyId: company.id }, input, actor);
  }

  async get(id: string, viewer: Viewer): Promise<FindingView> {
    const [row] = await this.findings.list({ statuses: visibleStatuses(viewer), id, limit: 1 });
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `No finding ${id}`);
    return (await this.withEvidence([row], viewer))[0];
  }

  async list(query: ListFindingsQueryDto, viewer: Viewer): Promise<Page<FindingView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const statuses = visibleStatuses(viewer, query.status);
    if (!statuses.length) return { items: [], nextCursor: null };
    const filter: FindingListFilter = { statuses, kind: query.kind, limit: limit + 1 };
    if (query.brand) {
      const brand = await this.brands.get(query.brand, viewer);
      filter.brandId = brand.id;
      filter.brandCompanyId = brand.companyId;
    }
    if (query.company) filter.companyId = (await this.companies.get(query.company, viewer)).id;
    if (query.cursor) {
      const { at, id } = decodeCursor(query.cursor, ['at', 'id'] as const);
      if (!CURSOR_TIMESTAMP.test(at) || !CURSOR_UUID.test(id)) throw badCursor();
      filter.before = { at, id };
    }
    const page = toPage(
      await this.findings.list(filter),
      limit,
      (row) => encodeCursor({ at: row.cursor_at, id: row.id }),
      (row) => row,
    );
    return { items: await this.withEvidence(page.items, viewer), nextCursor: page.nextCursor };
  }

  /** For scorecards: the verified findings of a brand and its group known on `asOf`, newest first. */
  async verifiedForBrand(
    brand: { id: string; companyId: string | null },
    asOf: string = today(),
  ): Promise<FindingView[]> {
    const rows = await this.findings.list({
      statuses: [ReviewStatus.Verified],
      brandId: brand.id,
      brandCompanyId: brand.companyId,
      knownOn: asOf,
      limit: 1000,
    });
    return this.withEvidence(rows, undefined);
  }

  /** Findings (with their brand or group) waiting for review, oldest submission first (the reviewers' queue). */
  reviewQueue(limit: number): Promise<ExposureFinding[]> {
    return this.dataSource.getRepository(ExposureFinding).find({
      where: { status: ReviewStatus.Submitted },
      relations: { brand: true, company: true },
      order: { submittedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  submit(id: string, actor: AuthenticatedUser): Promise<ExposureFinding> {
    return this.reviews.submit(this.reviewTarget, id, actor);
  }

  review(id: string, decision: ReviewDecision, note: string | undefined, actor: AuthenticatedUser) {
    return this.reviews.review(this.reviewTarget, id, decision, note, actor);
  }

  verifyAsSystem(id: string, note: string): Promise<ExposureFinding> {
    return this.reviews.verifyAsSystem(this.reviewTarget, id, note);
  }

  /** Leaves a system-created draft unverified but queued for review, with a note for the reviewer (imports). */
  submitAsSystem(id: string, note: string): Promise<ExposureFinding> {
    return this.reviews.submitAsSystem(this.reviewTarget, id, note);
  }

  private async withEvidence(rows: FindingRow[], viewer: Viewer): Promise<FindingView[]> {
    const evidence = await this.evidence.linkedTo(
      'finding',
      rows.map((row) => row.id),
      viewer,
    );
    return rows.map((row) => toFindingView(row, evidence.get(row.id) ?? [], viewer));
  }

  private async insert(subject: Subject, input: CreateFindingDto, actor: AuthenticatedUser | null) {
    const publishedOn = normaliseDate(input.publishedOn, input.publishedOnPrecision);
    if (input.endedOn && input.endedOn < publishedOn) {
      throw new DomainError(DomainErrorCode.InvalidInput, 'endedOn: cannot be before publishedOn', [
        { field: 'endedOn', reasons: ['endedOn cannot be before publishedOn'] },
      ]);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ExposureFinding);
      const saved = await repository.save(
        repository.create({
          brandId: 'brandId' in subject ? subject.brandId : null,
          companyId: 'companyId' in subject ? subject.companyId : null,
          kind: input.kind,
          reportName: input.reportName?.trim() || null,
          publishedOn,
          publishedOnPrecision: input.publishedOnPrecision,
          effectiveOn: effectiveDate(publishedOn, input.publishedOnPrecision),
          finding: input.finding.trim(),
          response: input.response,
          endedOn: input.endedOn ?? null,
          status: ReviewStatus.Draft,
          createdById: actor?.id ?? null,
        }),
      );
      await this.evidence.attach(manager, 'finding', saved.id, input.evidenceIds ?? []);
      await this.audit.record(manager, {
        actorId: actor?.id ?? null,
        action: 'exposure_finding.create',
        entityType: 'exposure_finding',
        entityId: saved.id,
        before: null,
        after: { ...saved, evidenceIds: input.evidenceIds ?? [] },
      });
      return saved.id;
    });
    return this.get(id, actor ?? SYSTEM_READER);
  }
}
