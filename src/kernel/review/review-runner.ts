import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { ReviewStatus } from './review-status';
import type { Reviewable } from './reviewable';
import {
  pickReviewState,
  ReviewDecision,
  ReviewState,
  reviewTransition,
  submitTransition,
} from './review-workflow';

type ReviewableRecord = Reviewable & { id: string };

export interface ReviewTarget<T extends ReviewableRecord> {
  entity: EntityTarget<T>;
  /** Name used in audit actions and messages: 'brand', 'commitment'... */
  auditType: string;
  /** Extra rule checked inside the transaction before an entry is verified (e.g. evidence required). */
  beforeVerify?: (manager: EntityManager, record: T) => Promise<void>;
}

/**
 * Runs one review transition on one record: lock the row, apply the workflow rule, write, audit, all in one
 * transaction. The feature services own their tables and call this with their entity.
 */
@Injectable()
export class ReviewRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Submits for review; inside `manager`'s transaction when given (a claim submitted with its sources). */
  submit<T extends ReviewableRecord>(
    target: ReviewTarget<T>,
    id: string,
    actor: AuthenticatedUser,
    manager?: EntityManager,
  ): Promise<T> {
    return this.transition(
      target,
      id,
      actor.id,
      'submit',
      (state, now) => submitTransition(state, actor, now),
      manager,
    );
  }

  review<T extends ReviewableRecord>(
    target: ReviewTarget<T>,
    id: string,
    decision: ReviewDecision,
    note: string | undefined,
    actor: AuthenticatedUser,
    manager?: EntityManager,
  ): Promise<T> {
    return this.transition(
      target,
      id,
      actor.id,
      `review.${decision}`,
      (state, now) => reviewTransition(state, decision, note, actor, now),
      manager,
    );
  }

  /**
   * Verifies a draft or submitted record on the system's authority (demo seeds, trusted imports), with a
   * note saying where it came from. Not reachable over HTTP; audited with a null actor.
   */
  verifyAsSystem<T extends ReviewableRecord>(target: ReviewTarget<T>, id: string, note: string): Promise<T> {
    return this.transition(target, id, null, 'review.verify', (state, now) => {
      if (state.status === ReviewStatus.Verified || state.status === ReviewStatus.Rejected) {
        throw new DomainError(DomainErrorCode.InvalidState, `Cannot verify an entry that is ${state.status}`);
      }
      return {
        ...state,
        status: ReviewStatus.Verified,
        reviewedById: null,
        reviewedAt: now,
        reviewNote: note,
      };
    });
  }

  /**
   * Puts a draft the system created up for review, with a note saying what a reviewer must check (e.g. an
   * uncertain date in imported data). Not reachable over HTTP; audited with a null actor.
   */
  submitAsSystem<T extends ReviewableRecord>(target: ReviewTarget<T>, id: string, note: string): Promise<T> {
    return this.transition(target, id, null, 'submit', (state, now) => {
      if (state.status !== ReviewStatus.Draft) {
        throw new DomainError(DomainErrorCode.InvalidState, `Cannot submit an entry that is ${state.status}`);
      }
      return { ...state, status: ReviewStatus.Submitted, submittedAt: now, reviewNote: note };
    });
  }

  /** One transition in `manager`'s transaction, or in a transaction of its own when none is given. */
  private async transition<T extends ReviewableRecord>(
    target: ReviewTarget<T>,
    id: string,
    actorId: string | null,
    verb: string,
    apply: (state: ReviewState, now: Date) => ReviewState,
    manager?: EntityManager,
  ): Promise<T> {
    if (!manager) {
      return this.dataSource.transaction((own) => this.transition(target, id, actorId, verb, apply, own));
    }
    const repository = manager.getRepository(target.entity);
    const record = await repository
      .createQueryBuilder('record')
      .setLock('pessimistic_write')
      .where('record.id = :id', { id })
      .getOne();
    if (!record) throw new DomainError(DomainErrorCode.NotFound, `No ${target.auditType} with id ${id}`);
    const before = pickReviewState(record);
    const after = apply(before, new Date());
    if (after.status === ReviewStatus.Verified && target.beforeVerify) {
      await target.beforeVerify(manager, record);
    }
    Object.assign(record, after);
    const saved = await repository.save(record);
    await this.audit.record(manager, {
      actorId,
      action: `${target.auditType}.${verb}`,
      entityType: target.auditType,
      entityId: id,
      before,
      after: pickReviewState(saved),
    });
    return saved;
  }
}
