import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Commitment } from './commitments/commitment.entity';
import { ExposureFinding } from './findings/exposure-finding.entity';
import { Evidence } from '../evidence/sources/evidence.entity';

/**
 * Which evidence supports which commitment. A link means nothing without both ends, so it goes with
 * either (CASCADE); deleting evidence that supports verified claims is refused by the service, not here.
 */
@Entity('commitment_evidence')
@Index('idx_commitment_evidence_evidence', ['evidenceId'])
export class CommitmentEvidence {
  @PrimaryColumn({ type: 'uuid' })
  commitmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  evidenceId!: string;

  @ManyToOne(() => Commitment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitment_id', foreignKeyConstraintName: 'fk_commitment_evidence_commitment' })
  commitment?: Relation<Commitment>;

  @ManyToOne(() => Evidence, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_commitment_evidence_evidence' })
  evidence?: Relation<Evidence>;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt!: Date;
}

/** Which evidence supports which exposure finding. */
@Entity('finding_evidence')
@Index('idx_finding_evidence_evidence', ['evidenceId'])
export class FindingEvidence {
  @PrimaryColumn({ type: 'uuid' })
  findingId!: string;

  @PrimaryColumn({ type: 'uuid' })
  evidenceId!: string;

  @ManyToOne(() => ExposureFinding, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'fk_finding_evidence_finding' })
  finding?: Relation<ExposureFinding>;

  @ManyToOne(() => Evidence, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_finding_evidence_evidence' })
  evidence?: Relation<Evidence>;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt!: Date;
}
