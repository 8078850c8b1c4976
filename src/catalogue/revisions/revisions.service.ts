import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import type { ReviewDecision } from '../../kernel/review/review-workflow';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { changedFields } from './changed-fields';
import { ProposedRevision, type RevisionChanges } from './proposed-revision.entity';

/** Whose revision: a brand's or a company's, by id, with the audit log's name for its type. */
export type RevisionSubject =
  | { entityType: 'brand'; record: { id: string }; key: { brandId: string } }
  | { entityType: 'company'; record: { id: string }; key: { companyId: string } };

export function brandRevision(record: { id: string }): RevisionSubject {
  return { entityType: 'brand', record, key: { brandId: record.id } };
}

export function companyRevision(record: { id: string }): RevisionSubject {
  return { entityType: 'company', record, key: { companyId: record.id } };
}

/**
 * Proposed revisions of verified records (docs/data-model.md, "Verified means reviewed"): the only door to
 * `proposed_revisions`, audited. Called inside the transaction of the brand's or company's service, which
 * holds the record's row lock, so two proposals or decisions on one record never interleave.
 */
@Injectable()
export class RevisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records the fields of `changes` that differ from the record as its proposed revision; nothing when none
   * differs. The author may add to their own pending revision; another's must be decided first (a reviewer
   * would otherwise verify changes they never saw).
   */
  async propose(
    manager: EntityManager,
    subject: RevisionSubject,
    changes: RevisionChanges,
    actor: AuthenticatedUser,
  ): Promise<void> {
    const changed = changedFields(subject.record, changes);
    if (Object.keys(changed).length === 0) return;
    const revisions = manager.getRepository(ProposedRevision);
    const pending = await revisions.findOneBy(subject.key);
    if (pending && pending.proposedById !== actor.id) {
      throw new DomainError(
        DomainErrorCode.Conflict,
        'Another change to this verified record awaits review; it must be verified or rejected first',
      );
    }
    const saved = pending
      ? await revisions.save({ ...pending, changes: { ...pending.changes, ...changed } })
      : await revisions.save(revisions.create({ ...subject.key, changes: changed, proposedById: actor.id }));
    await this.audit.record(manager, {
      actorId: actor.id,
      action: `${subject.entityType}.revision.propose`,
      entityType: subject.entityType,
      entityId: subject.record.id,
      before: null,
      after: { changes: saved.changes },
    });
  }

  pending(manager: EntityManager, key: RevisionSubject['key']): Promise<ProposedRevision | null> {
    return manager.getRepository(ProposedRevision).findOneBy(key);
  }

  /** Revisions waiting for review, oldest first, each with its record as it stands (the reviewers' page). */
  waiting(limit: number): Promise<ProposedRevision[]> {
    return this.dataSource.getRepository(ProposedRevision).find({
      relations: { brand: true, company: true },
      order: { proposedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Ends the pending revision: on `verify` hands its changes to `apply` (which writes them and returns the
   * record's view before and after), on `reject` only records why. Four eyes: nobody decides a revision they
   * proposed, admins included; a rejection says why.
   */
  async decide(
    manager: EntityManager,
    subject: RevisionSubject,
    decision: ReviewDecision,
    note: string | undefined,
    actor: AuthenticatedUser,
    apply: (changes: RevisionChanges) => Promise<{ before: unknown; after: unknown }>,
  ): Promise<void> {
    const revision = await this.pending(manager, subject.key);
    if (!revision) throw new DomainError(DomainErrorCode.NotFound, 'No change to this record awaits review');
    if (revision.proposedById === actor.id) {
      throw new DomainError(
        DomainErrorCode.Forbidden,
        'You proposed this change, so another reviewer must review it (four-eyes rule)',
      );
    }
    const trimmed = note?.trim() || null;
    if (decision === 'reject' && !trimmed) {
      throw new DomainError(DomainErrorCode.InvalidInput, 'note: say why the change is rejected', [
        { field: 'note', reasons: ['note is required when rejecting'] },
      ]);
    }
    await manager.getRepository(ProposedRevision).delete({ id: revision.id });
    const views = decision === 'verify' ? await apply(revision.changes) : { before: null, after: null };
    await this.audit.record(manager, {
      actorId: actor.id,
      action: `${subject.entityType}.revision.${decision}`,
      entityType: subject.entityType,
      entityId: subject.record.id,
      before: views.before,
      after: {
        record: views.after,
        revision: { changes: revision.changes, proposedById: revision.proposedById, note: trimmed },
      },
    });
  }
}
