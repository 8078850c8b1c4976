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
  UpdateDateColumn,
} from 'typeorm';
import { Brand } from '../../catalogue/brands/brand.entity';
import { User } from '../../identity/users/user.entity';

export const WATCH_HEALTH = ['healthy', 'failing', 'unhealthy'] as const;
export type WatchHealth = (typeof WATCH_HEALTH)[number];

/** A watch's interval, in minutes: not more often than every 5 minutes, at least once a week. */
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

/**
 * A page of a brand the monitor checks on a schedule. Postgres is the source of truth for schedules:
 * Redis's job schedulers are rebuilt from the active rows here.
 */
@Entity('watches')
@Check('chk_watches_url_http', `url ~ '^https?://'`)
@Check('chk_watches_interval', `interval_minutes BETWEEN ${MIN_INTERVAL_MINUTES} AND ${MAX_INTERVAL_MINUTES}`)
@Check('chk_watches_health', `health IN ('healthy', 'failing', 'unhealthy')`)
@Check('chk_watches_offset', `schedule_offset_ms >= 0`)
@Index('idx_watches_brand', ['brandId', 'id'])
@Index('idx_watches_active', ['active', 'id'])
@Index('idx_watches_health', ['health', 'id'])
@Index('idx_watches_statement_group', ['brandId', 'statementGroup'], { where: 'statement_group IS NOT NULL' })
export class Watch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_watches_brand' })
  brand?: Relation<Brand>;

  @Column({ type: 'uuid' })
  brandId!: string;

  @Column({ type: 'text' })
  url!: string;

  /** CSS selector scoping the page to the part worth watching; null for the whole main content. */
  @Column({ type: 'text', nullable: true })
  selector!: string | null;

  @Column({ type: 'integer' })
  intervalMinutes!: number;

  /** Rendered in Chromium on every check (the page builds its text with JavaScript). */
  @Column({ type: 'boolean', default: false })
  needsBrowser!: boolean;

  /** The page's language as the researcher knows it (BCP 47 primary subtag); null when not given. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  language!: string | null;

  /**
   * Names one statement published in several languages: the brand's watches sharing a group are compared
   * with each other, and a version that drops, softens or contradicts the region statement is flagged.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  statementGroup!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Where in each interval this watch's checks fall, so checks spread out instead of bunching up. */
  @Column({ type: 'integer' })
  scheduleOffsetMs!: number;

  @Column({ type: 'varchar', length: 10, default: 'healthy' })
  health!: WatchHealth;

  @Column({ type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  /** When a check last finished, however it ended; reconcile catches up watches overdue by this. */
  @Column({ type: 'timestamptz', nullable: true })
  lastCheckedAt!: Date | null;

  /** The latest "check now"; while no check has finished since, reconcile keeps its job queued. */
  @Column({ type: 'timestamptz', nullable: true })
  checkRequestedAt!: Date | null;

  /** Validators of the last full answer, sent back for a conditional GET. */
  @Column({ type: 'text', nullable: true })
  etag!: string | null;

  @Column({ type: 'text', nullable: true })
  lastModified!: string | null;

  /** The snapshot matching what the page says now (no FK: snapshots reference watches, not the other way). */
  @Column({ type: 'uuid', nullable: true })
  currentSnapshotId!: string | null;

  /** Set while the page is gone (404/410, soft-404, sent to the home page); cleared when it comes back. */
  @Column({ type: 'timestamptz', nullable: true })
  goneSince!: Date | null;

  /** Checks in a row answered by a bot wall, challenge or rate-limit page; a real page resets it. */
  @Column({ type: 'integer', default: 0 })
  consecutiveBlocks!: number;

  /** Set once `MONITORING_BLOCKED_AFTER_CHECKS` checks in a row were walled; cleared by the next real page. */
  @Column({ type: 'timestamptz', nullable: true })
  blockedSince!: Date | null;

  /** The vendor of the latest wall (cloudflare, akamai, perimeterx, datadome, imperva, rate_limit, generic). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  blockedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_watches_created_by' })
  createdBy?: Relation<User>;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
