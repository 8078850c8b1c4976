import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Brand } from '../../catalogue/brands/brand.entity';
import { User } from '../../identity/users/user.entity';
import { Snapshot } from '../checks/snapshot.entity';
import { Watch } from '../watches/watch.entity';

export const FLAG_KINDS = ['change', 'page_gone', 'language_mismatch'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export const FLAG_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export type FlagSignificance = 'minor' | 'major';

/**
 * A change the monitor judged worth a reviewer's time. At most one flag per change between two snapshots
 * (uq_flags_change) and one per disappearance of a page until it comes back (uq_flags_page_gone_open);
 * both are partial unique indexes written in the migration.
 */
@Entity('flags')
@Check('chk_flags_kind', `kind IN ('change', 'page_gone', 'language_mismatch')`)
@Check('chk_flags_status', `status IN ('open', 'confirmed', 'dismissed')`)
@Check('chk_flags_significance', `significance IN ('minor', 'major')`)
@Check(
  'chk_flags_change_snapshots',
  `kind <> 'change' OR (old_snapshot_id IS NOT NULL AND new_snapshot_id IS NOT NULL)`,
)
@Check('chk_flags_resolved', `(status = 'open') = (resolved_at IS NULL)`)
@Index('uq_flags_change', { synchronize: false })
@Index('uq_flags_page_gone_open', { synchronize: false })
@Index('uq_flags_language_mismatch', { synchronize: false })
@Index('idx_flags_status_created', ['status', 'createdAt', 'id'])
@Index('idx_flags_brand_created', ['brandId', 'createdAt', 'id'])
export class Flag {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Watch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'watch_id', foreignKeyConstraintName: 'fk_flags_watch' })
  watch?: Relation<Watch>;

  @Column({ type: 'uuid' })
  watchId!: string;

  /** The watch's brand, copied so the triage list filters by brand without a join. */
  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_flags_brand' })
  brand?: Relation<Brand>;

  @Column({ type: 'uuid' })
  brandId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: FlagKind;

  @Column({ type: 'varchar', length: 10 })
  significance!: FlagSignificance;

  @Column({ type: 'real' })
  score!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  added!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  removed!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  terms!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reasons!: string[];

  @ManyToOne(() => Snapshot, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'old_snapshot_id', foreignKeyConstraintName: 'fk_flags_old_snapshot' })
  oldSnapshot?: Relation<Snapshot> | null;

  @Column({ type: 'uuid', nullable: true })
  oldSnapshotId!: string | null;

  @ManyToOne(() => Snapshot, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'new_snapshot_id', foreignKeyConstraintName: 'fk_flags_new_snapshot' })
  newSnapshot?: Relation<Snapshot> | null;

  @Column({ type: 'uuid', nullable: true })
  newSnapshotId!: string | null;

  /** Page-gone flags: the status the page answered with (null for soft-404s and redirects home). */
  @Column({ type: 'integer', nullable: true })
  httpStatus!: number | null;

  /** Page-gone flags: when the page answered again; a later disappearance raises a new flag. */
  @Column({ type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status!: FlagStatus;

  @Column({ type: 'text', nullable: true })
  resolutionNote!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'fk_flags_resolved_by' })
  resolvedBy?: Relation<User> | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** What confirming the flag created in the catalogue, if anything. */
  @Column({ type: 'uuid', nullable: true })
  createdCommitmentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdEvidenceId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdFindingId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
