import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommitmentsService } from '../../claims/commitments/commitments.service';
import { FindingsService } from '../../claims/findings/findings.service';
import type { Evidence } from '../../evidence/sources/evidence.entity';
import { EvidenceKind } from '../../evidence/sources/evidence-kind';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { SnapshotsService } from '../checks/snapshots.service';
import type { FlagCreationsDto } from '../dto/resolve-flag.dto';
import type { Flag } from './flag.entity';

export interface CreatedFromFlag {
  evidence?: Evidence;
  commitmentId?: string;
  findingId?: string;
}

/**
 * What a reviewer may create when confirming a flag: evidence pointing at the new snapshot's page (so the
 * archive captures it) and, on request, a commitment (a new or superseding one, or a retraction naming what
 * it withdraws) or an exposure finding of the flag's brand, supported by that evidence. All of it is made in
 * the caller's transaction, with the flag's resolution, and goes up for review at once as the confirming
 * reviewer's: another reviewer verifies it (four eyes), and nobody else has to move it on.
 */
@Injectable()
export class FlagCreations {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly commitments: CommitmentsService,
    private readonly findings: FindingsService,
    private readonly snapshots: SnapshotsService,
  ) {}

  async make(
    manager: EntityManager,
    flag: Flag,
    wanted: FlagCreationsDto,
    actor: AuthenticatedUser,
  ): Promise<CreatedFromFlag> {
    if (!wanted.commitment && !wanted.finding && !wanted.evidence) return {};
    const snapshotId = flag.newSnapshotId ?? flag.oldSnapshotId;
    const snapshot = snapshotId ? (await this.snapshots.byIds([snapshotId])).get(snapshotId) : undefined;
    const url = wanted.evidence?.url ?? snapshot?.finalUrl;
    if (!url) {
      const reason = 'create.evidence.url is required: this flag has no snapshot to take it from';
      throw new DomainError(DomainErrorCode.InvalidInput, reason, [
        { field: 'create.evidence.url', reasons: [reason] },
      ]);
    }
    const evidence = await this.evidence.createIn(
      manager,
      {
        ...wanted.evidence,
        url,
        kind: wanted.evidence?.kind ?? EvidenceKind.CompanyStatement,
        title: wanted.evidence?.title ?? snapshot?.title ?? undefined,
        accessedOn: wanted.evidence?.accessedOn ?? snapshot?.fetchedAt.toISOString().slice(0, 10),
      },
      actor,
    );
    const created: CreatedFromFlag = { evidence };
    const cited = { evidenceIds: [evidence.id] };
    if (wanted.commitment) {
      created.commitmentId = await this.commitments.draftForBrandIn(
        manager,
        flag.brandId,
        { ...wanted.commitment, ...cited },
        actor,
      );
      await this.commitments.submitIn(manager, created.commitmentId, actor);
    }
    if (wanted.finding) {
      created.findingId = await this.findings.draftForBrandIn(
        manager,
        flag.brandId,
        { ...wanted.finding, ...cited },
        actor,
      );
      await this.findings.submitIn(manager, created.findingId, actor);
    }
    // Evidence alone (no claim) goes up for review too: its claim may come later, its capture now.
    if (!wanted.commitment && !wanted.finding) await this.evidence.submit(evidence.id, actor, manager);
    return created;
  }
}
