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
import { Watch } from '../watches/watch.entity';

export const CHECK_OUTCOMES = [
  'unchanged',
  'changed',
  'gone',
  'returned',
  'failed',
  'blocked',
  'unreadable',
] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** One check of a watch, however it ended: the history behind a watch's health. */
@Entity('watch_checks')
@Check(
  'chk_watch_checks_outcome',
  `outcome IN ('unchanged', 'changed', 'gone', 'returned', 'failed', 'blocked', 'unreadable')`,
)
@Index('idx_watch_checks_watch_checked', ['watchId', 'checkedAt'])
export class WatchCheck {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Watch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'watch_id', foreignKeyConstraintName: 'fk_watch_checks_watch' })
  watch?: Relation<Watch>;

  @Column({ type: 'uuid' })
  watchId!: string;

  @Column({ type: 'timestamptz' })
  checkedAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  outcome!: CheckOutcome;

  @Column({ type: 'integer', nullable: true })
  httpStatus!: number | null;

  @Column({ type: 'integer' })
  durationMs!: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  via!: 'http' | 'browser' | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** For a `blocked` check: the protection vendor whose wall answered (cloudflare, akamai, ..., generic). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  blockedBy!: string | null;

  /** The snapshot this check stored, when it stored one. */
  @Column({ type: 'uuid', nullable: true })
  snapshotId!: string | null;

  @Column({ type: 'text', nullable: true })
  jobId!: string | null;
}
