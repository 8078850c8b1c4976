import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Evidence } from '../../../evidence/sources/evidence.entity';
import type { AuthenticatedUser } from '../../../identity/auth/authenticated-user';
import { ReviewStatus } from '../../../kernel/review/review-status';
import { Viewer, visibleStatuses } from '../../../kernel/review/visibility';
import { DomainError, DomainErrorCode } from '../../../platform/http/errors/domain-error';
import { ClaimService } from '../../claim-stack/claim.service';
import { ClaimSupport } from '../../claim-stack/claim-support';
import { FindingsRepository } from '../findings.repository';
import { ClosureRow, ClosuresRepository } from './closures.repository';
import { toClosureView } from './closure-view.mapper';
import type { ClosureView } from './dto/closure.view';
import type { CreateClosureDto } from './dto/create-closure.dto';
import { FindingClosure } from './finding-closure.entity';

/**
 * Findings that end: a closure is a claim about the finding's brand or group, with its own evidence,
 * verified under the same four-eyes and publication rules. Once verified, every as-of reading counts the
 * finding as ended from the closure's day (kernel/as-of/exposure.sql.ts, findingEndSql).
 */
/** What the stack inserts: the request and the finding it closes. */
type ClosureInput = CreateClosureDto & { findingId: string; startedOn: string };

@Injectable()
export class ClosuresService extends ClaimService<FindingClosure, ClosureRow, ClosureView, ClosureInput> {
  constructor(
    support: ClaimSupport,
    private readonly closures: ClosuresRepository,
    private readonly findings: FindingsRepository,
  ) {
    super(support, {
      entity: FindingClosure,
      evidenceOwner: 'closure',
      auditType: 'finding_closure',
      noun: 'closure',
    });
  }

  /** A draft closure of a finding that is not rejected and has no other closure under way or in force. */
  async close(
    findingId: string,
    input: CreateClosureDto,
    actor: AuthenticatedUser | null,
  ): Promise<ClosureView> {
    const finding = await this.findings.findById(findingId);
    if (!finding || finding.status === ReviewStatus.Rejected) {
      throw new DomainError(DomainErrorCode.NotFound, `No finding ${findingId} to close`);
    }
    const subject = finding.brandId ? { brandId: finding.brandId } : { companyId: finding.companyId ?? '' };
    return this.createFor(
      subject,
      { ...input, findingId: finding.id, startedOn: finding.publishedOn },
      actor,
    );
  }

  async get(id: string, viewer: Viewer): Promise<ClosureView> {
    const [row] = await this.closures.list({ statuses: visibleStatuses(viewer), id });
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `No closure ${id}`);
    return (await this.withEvidence([row], viewer))[0];
  }

  async listForFinding(findingId: string, viewer: Viewer): Promise<ClosureView[]> {
    return this.withEvidence(
      await this.closures.list({ statuses: visibleStatuses(viewer), findingId }),
      viewer,
    );
  }

  protected toView(row: ClosureRow, evidence: Evidence[], viewer: Viewer): ClosureView {
    return toClosureView(row, evidence, viewer);
  }

  protected async newRecord(_subject: unknown, input: ClosureInput, manager: EntityManager) {
    if (input.endedOn < input.startedOn) {
      const reason = `endedOn cannot be before the finding started (${input.startedOn})`;
      throw new DomainError(DomainErrorCode.InvalidInput, `endedOn: ${reason}`, [
        { field: 'endedOn', reasons: [reason] },
      ]);
    }
    // One closure per finding at a time: a second would leave two ends to choose from.
    // The finding's row is locked so two proposals made at once cannot both pass this check.
    await this.findings.lockById(input.findingId, manager);
    const open = await this.closures.countOpen(manager, input.findingId);
    if (open > 0) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        'This finding already has a closure under review or in force; reject it before proposing another',
      );
    }
    return {
      findingId: input.findingId,
      endedOn: input.endedOn,
      reason: input.reason,
      summary: input.summary.trim(),
    };
  }
}
