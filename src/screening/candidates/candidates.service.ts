import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { DatePrecision } from '../../kernel/dates/known-date';
import {
  badCursor,
  CURSOR_TIMESTAMP,
  CURSOR_UUID,
  decodeCursor,
  encodeCursor,
} from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../../platform/pagination/page';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { FindingKind } from '../../claims/findings/finding-kind';
import { FindingsService } from '../../claims/findings/findings.service';
import { CandidateView, toCandidateView } from '../dto/candidate.view';
import { CandidatesRepository, FindingContextRow } from './candidates.repository';
import { CandidateState, ScreeningCandidate } from './screening-candidate.entity';

/**
 * The reviewers' queue of screening candidates. Confirming one makes a draft exposure finding citing the
 * supplier list and the entity-list entry, which then goes through the four-eyes review of every finding;
 * dismissing one is remembered for the pair until either side changes (see ScreeningCandidate).
 */
@Injectable()
export class CandidatesService {
  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly findings: FindingsService,
    private readonly brands: BrandsService,
  ) {}

  async list(
    state: CandidateState,
    cursor: string | undefined,
    limit = DEFAULT_PAGE_SIZE,
  ): Promise<Page<CandidateView>> {
    let after: { at: string; id: string } | null = null;
    if (cursor) {
      after = decodeCursor(cursor, ['at', 'id'] as const);
      if (!CURSOR_TIMESTAMP.test(after.at) || !CURSOR_UUID.test(after.id)) throw badCursor();
    }
    const rows = await this.candidates.page(state, after, limit);
    return toPage(
      rows,
      limit,
      (row) => encodeCursor({ at: row.cursorAt, id: row.candidate.id }),
      (row) => toCandidateView(row.candidate),
    );
  }

  /** Returns the id of the draft finding made. */
  async confirm(
    id: string,
    note: string | undefined,
    actor: AuthenticatedUser,
  ): Promise<{ findingId: string }> {
    return this.candidates.transaction(async (manager) => {
      const candidate = await this.openCandidate(manager, id);
      const context = await this.candidates.findingContext(manager, candidate);
      const [brand] = await this.brands.findByIds([candidate.brandId]);
      const finding = await this.findings.createForBrand(
        brand.slug,
        {
          kind: context.list_slug === 'uflpa' ? FindingKind.UflpaEntityListSupplier : FindingKind.Other,
          publishedOn: laterOf(context.published_on, context.added_on),
          publishedOnPrecision: DatePrecision.Day,
          finding: findingText(context, candidate),
          evidenceIds: [context.supplier_evidence_id, context.entry_evidence_id].filter(
            (evidenceId): evidenceId is string => evidenceId !== null,
          ),
        },
        actor,
      );
      Object.assign(candidate, decided(CandidateState.Confirmed, note ?? null, actor), {
        findingId: finding.id,
      });
      await this.candidates.save(manager, candidate);
      return { findingId: finding.id };
    });
  }

  async dismiss(id: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await this.candidates.transaction(async (manager) => {
      const candidate = await this.openCandidate(manager, id);
      Object.assign(candidate, decided(CandidateState.Dismissed, reason, actor));
      await this.candidates.save(manager, candidate);
    });
  }

  private async openCandidate(
    manager: Parameters<CandidatesRepository['lockedById']>[0],
    id: string,
  ): Promise<ScreeningCandidate> {
    const candidate = await this.candidates.lockedById(manager, id);
    if (!candidate) throw new DomainError(DomainErrorCode.NotFound, `No screening candidate ${id}`);
    if (candidate.state !== CandidateState.Open) {
      throw new DomainError(DomainErrorCode.InvalidState, `The candidate is already ${candidate.state}`);
    }
    return candidate;
  }
}

function decided(
  state: CandidateState,
  note: string | null,
  actor: AuthenticatedUser,
): Partial<ScreeningCandidate> {
  return { state, decisionNote: note, decidedById: actor.id, decidedAt: new Date() };
}

/** The finding dates from when both facts were public: the supplier list and the listing. */
function laterOf(publishedOn: string, addedOn: string | null): string {
  return addedOn && addedOn > publishedOn ? addedOn : publishedOn;
}

function findingText(context: FindingContextRow, candidate: ScreeningCandidate): string {
  const where = [context.supplier_address, context.supplier_country].filter(Boolean).join(', ');
  const section = context.list_section ? `, section ${context.list_section}` : '';
  const added = context.added_on ? `, listed ${context.added_on}` : '';
  return (
    `Supplier "${context.supplier_name}"${where ? ` (${where})` : ''} on the brand's supplier list published ` +
    `${context.published_on} is "${context.entity_name}" on the ${context.list_name} ` +
    `(${context.entity_external_id}${section}${added}). Screening: ${candidate.decision}, score ` +
    `${candidate.score}; ${candidate.reasons.join('; ')}.`
  );
}
