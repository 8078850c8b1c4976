import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import type { Evidence } from '../../evidence/sources/evidence.entity';
import { effectiveDate, normaliseDate } from '../../kernel/dates/known-date';
import { Viewer, visibleStatuses } from '../../kernel/review/visibility';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import {
  badCursor,
  CURSOR_TIMESTAMP,
  CURSOR_UUID,
  decodeCursor,
  encodeCursor,
} from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page } from '../../platform/pagination/page';
import { ClaimService } from '../claim-stack/claim.service';
import { ClaimSupport } from '../claim-stack/claim-support';
import type { CreateFindingDto, CreateFindingWithSubjectDto } from './dto/create-finding.dto';
import type { FindingView } from './dto/finding.view';
import type { ListFindingsQueryDto } from './dto/list-findings-query.dto';
import { ExposureFinding } from './exposure-finding.entity';
import { toFindingView } from './finding-view.mapper';
import { FindingListFilter, FindingRow, FindingsRepository } from './findings.repository';

/** Exposure findings: documented links between a brand (or group) and the region, and the response. */
@Injectable()
export class FindingsService extends ClaimService<
  ExposureFinding,
  FindingRow,
  FindingView,
  CreateFindingDto
> {
  constructor(
    support: ClaimSupport,
    private readonly findings: FindingsRepository,
  ) {
    super(support, {
      entity: ExposureFinding,
      evidenceOwner: 'finding',
      auditType: 'exposure_finding',
      noun: 'finding',
    });
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
      const brand = await this.support.brands.get(query.brand, viewer);
      filter.brandId = brand.id;
      filter.brandCompanyId = brand.companyId;
    }
    if (query.company) filter.companyId = (await this.support.companies.get(query.company, viewer)).id;
    if (query.cursor) {
      const { at, id } = decodeCursor(query.cursor, ['at', 'id'] as const);
      if (!CURSOR_TIMESTAMP.test(at) || !CURSOR_UUID.test(id)) throw badCursor();
      filter.before = { at, id };
    }
    const rows = await this.findings.list(filter);
    return this.pageOf(rows, limit, (row) => encodeCursor({ at: row.cursor_at, id: row.id }), viewer);
  }

  protected toView(row: FindingRow, evidence: Evidence[], viewer: Viewer): FindingView {
    return toFindingView(row, evidence, viewer);
  }

  protected newRecord(_subject: unknown, input: CreateFindingDto) {
    const publishedOn = normaliseDate(input.publishedOn, input.publishedOnPrecision);
    if (input.endedOn && input.endedOn < publishedOn) {
      throw new DomainError(DomainErrorCode.InvalidInput, 'endedOn: cannot be before publishedOn', [
        { field: 'endedOn', reasons: ['endedOn cannot be before publishedOn'] },
      ]);
    }
    return {
      kind: input.kind,
      reportName: input.reportName?.trim() || null,
      publishedOn,
      publishedOnPrecision: input.publishedOnPrecision,
      effectiveOn: effectiveDate(publishedOn, input.publishedOnPrecision),
      finding: input.finding.trim(),
      response: input.response,
      endedOn: input.endedOn ?? null,
    };
  }
}
