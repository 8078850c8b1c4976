import { Injectable } from '@nestjs/common';
import type { Evidence } from '../../evidence/sources/evidence.entity';
import { isIsoDate } from '../../kernel/dates/is-iso-date';
import { effectiveDate, normaliseDate } from '../../kernel/dates/known-date';
import { Viewer, visibleStatuses } from '../../kernel/review/visibility';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { badCursor, CURSOR_UUID, decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page } from '../../platform/pagination/page';
import { ClaimService } from '../claim-stack/claim.service';
import { ClaimSupport } from '../claim-stack/claim-support';
import { Disclosure } from './disclosure.entity';
import { toDisclosureView } from './disclosure-view.mapper';
import { DisclosureListFilter, DisclosureRow, DisclosuresRepository } from './disclosures.repository';
import type { CreateDisclosureDto } from './dto/create-disclosure.dto';
import type { DisclosureView } from './dto/disclosure.view';
import type { ListDisclosuresQueryDto } from './dto/list-disclosures-query.dto';

/**
 * Supply-chain disclosures (methodology "Traceability and disclosure"): created as drafts, reviewed with the
 * same workflow and four-eyes rule as every claim, never verified without evidence.
 */
@Injectable()
export class DisclosuresService extends ClaimService<
  Disclosure,
  DisclosureRow,
  DisclosureView,
  CreateDisclosureDto
> {
  constructor(
    support: ClaimSupport,
    private readonly disclosures: DisclosuresRepository,
  ) {
    super(support, {
      entity: Disclosure,
      evidenceOwner: 'disclosure',
      auditType: 'disclosure',
      noun: 'disclosure',
    });
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
    const brand = await this.support.brands.get(brandRef, viewer);
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
    const rows = await this.disclosures.list(filter);
    return this.pageOf(
      rows,
      limit,
      (row) => encodeCursor({ disclosedOn: row.disclosed_on, id: row.id }),
      viewer,
    );
  }

  protected toView(row: DisclosureRow, evidence: Evidence[], viewer: Viewer): DisclosureView {
    return toDisclosureView(row, evidence, viewer);
  }

  protected newRecord(_subject: unknown, input: CreateDisclosureDto) {
    const disclosedOn = normaliseDate(input.disclosedOn, input.disclosedOnPrecision);
    if (input.withdrawnOn && input.withdrawnOn < disclosedOn) {
      throw new DomainError(DomainErrorCode.InvalidInput, 'withdrawnOn: cannot be before disclosedOn', [
        { field: 'withdrawnOn', reasons: ['withdrawnOn cannot be before disclosedOn'] },
      ]);
    }
    return {
      kind: input.kind,
      disclosedOn,
      disclosedOnPrecision: input.disclosedOnPrecision,
      effectiveOn: effectiveDate(disclosedOn, input.disclosedOnPrecision),
      withdrawnOn: input.withdrawnOn ?? null,
      url: input.url,
      summary: input.summary?.trim() || null,
    };
  }
}
