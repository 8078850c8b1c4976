import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Evidence } from '../sources/evidence.entity';
import { LINK_HEALTH_SQL, type LinkHealthState } from './link-health-state';

/** One re-check of an evidence URL: the history behind the link health shown in the API. */
@Entity('link_checks')
@Check('chk_link_checks_outcome', `outcome IN (${LINK_HEALTH_SQL})`)
@Index('idx_link_checks_evidence', ['evidenceId', 'checkedAt'])
export class LinkCheck {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  evidenceId!: string;

  @ManyToOne(() => Evidence, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_link_checks_evidence' })
  evidence?: Relation<Evidence>;

  @Column({ type: 'timestamptz' })
  checkedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  outcome!: LinkHealthState;

  @Column({ type: 'integer', nullable: true })
  httpStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  finalUrl!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  textSha256!: string | null;

  /** The new capture version this check stored, when the page had changed since the latest version. */
  @Column({ type: 'uuid', nullable: true })
  captureId!: string | null;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;
}
