import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CommitmentsService } from '../../claims/commitments/commitments.service';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { EvidenceKind } from '../../evidence/sources/evidence-kind';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { SnapshotsService } from '../checks/snapshots.service';
import type { FlagCreationsDto } from '../dto/resolve-flag.dto';
import type { Flag } from './flag.entity';

export interface CreatedFromFlag {
  commitmentId?: string;
  evidenceId?: string;
}

/**
 * What a reviewer may create when confirming a flag: evidence pointing at the new snapshot's page (so the
 * archive captures it) and, optionally, a draft commitment of the flag's brand supported by that evidence.
 * Made through the catalogue's own services, never its tables.
 */
@Injectable()
export class FlagCreations {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly commitments: CommitmentsService,
    private readonly snapshots: SnapshotsService,
  ) {}

  async make(flag: Flag, wanted: FlagCreationsDto, actor: AuthenticatedUser): Promise<CreatedFromFlag> {
    if (!wanted.commitment && !wanted.evidence) return {};
    const snapshotId = flag.newSnapshotId ?? flag.oldSnapshotId;
    const snapshot = snapshotId ? (await this.snapshots.byIds([snapshotId])).get(snapshotId) : undefined;
    const url = wanted.evidence?.url ?? snapshot?.finalUrl;
    if (!url) {
      const reason = 'create.evidence.url is required: this flag has no snapshot to take it from';
      throw new DomainError(DomainErrorCode.InvalidInput, reason, [
        { field: 'create.evidence.url', reasons: [reason] },
      ]);
    }
    const evidence = await this.evidence.create(
      {
        ...wanted.evidence,
        url,
        kind: wanted.evidence?.kind ?? EvidenceKind.CompanyStatement,
        title: wanted.evidence?.title ?? snapshot?.title ?? undefined,
        accessedOn: wanted.evidence?.accessedOn ?? snapshot?.fetchedAt.toISOString().slice(0, 10),
      },
      actor,
    );
    if (!wanted.commitment) return { evidenceId: evidence.id };
    const commitment = await this.commitments.createForBrand(
      flag.brandId,
      { ...wanted.commitment, evidenceIds: [evidence.id] },
      actor,
    );
    return { evidenceId: evidence.id, commitmentId: commitment.id };
  }
}
