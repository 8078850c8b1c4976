import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { Evidence } from '../sources/evidence.entity';
import { LINK_HEALTH_SQL, type LinkHealthState } from './link-health-state';

/**
 * Current link health of an evidence URL, one row per evidence item with an original capture. The sweep
 * picks rows whose next check is due; the history lives in link_checks.
 */
@Entity('link_health')
@Check('chk_link_health_state', `state IN (${LINK_HEALTH_SQL})`)
@Index('idx_link_health_due', ['nextCheckAt'])
export class LinkHealth {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_link_health' })
  evidenceId!: string;

  @OneToOne(() => Evidence, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_link_health_evidence' })
  evidence?: Relation<Evidence>;

  /** The URL re-checked: the original capture's requested URL. */
  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'varchar', length: 16, default: 'alive' })
  state!: LinkHealthState;

  @Column({ type: 'timestamptz', nullable: true })
  lastCheckedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  nextCheckAt!: Date;

  @Column({ type: 'integer', default: 0 })
  consecutiveFailures!: number;
}
