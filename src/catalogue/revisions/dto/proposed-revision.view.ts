import { ApiProperty } from '@nestjs/swagger';
import { DomainError, DomainErrorCode } from '../../../platform/http/errors/domain-error';
import type { ProposedRevision } from '../proposed-revision.entity';

/** A change to a verified record waiting for review, as staff see it. */
export class ProposedRevisionView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The fields the change sets, with their new values (company as the group id)',
  })
  changes!: Record<string, unknown>;
  @ApiProperty() proposedById!: string;
  @ApiProperty() proposedAt!: string;
}

export function toProposedRevisionView(revision: ProposedRevision): ProposedRevisionView {
  return {
    changes: revision.changes,
    proposedById: revision.proposedById,
    proposedAt: revision.proposedAt.toISOString(),
  };
}

export function proposedRevisionOr404(revision: ProposedRevision | null): ProposedRevisionView {
  if (!revision) throw new DomainError(DomainErrorCode.NotFound, 'No change to this record awaits review');
  return toProposedRevisionView(revision);
}
