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
import { Evidence } from '../sources/evidence.entity';
import type { RecordedExchange } from './take-capture';

export type CaptureState = 'pending' | 'done' | 'failed';

/** Why the capture was taken: when the evidence was logged, or because a link check saw the page change. */
export type CaptureReason = 'logged' | 'changed';

/**
 * One archived copy of an evidence URL (or the attempt to take it). The first successful capture is version 1,
 * the original: a database trigger refuses to change or delete a done capture, so what a source said when it
 * was logged stays provable. Later versions appear when a link check finds the page changed.
 */
@Entity('evidence_captures')
@Check('chk_evidence_captures_state', `state IN ('pending', 'done', 'failed')`)
@Check('chk_evidence_captures_reason', `reason IN ('logged', 'changed')`)
@Check('chk_evidence_captures_done', `(state = 'done') = (version IS NOT NULL AND captured_at IS NOT NULL)`)
@Index('uq_evidence_captures_version', ['evidenceId', 'version'], { unique: true })
@Index('idx_evidence_captures_pending', ['createdAt'], { where: `state = 'pending'` })
@Index('idx_evidence_captures_evidence', ['evidenceId', 'createdAt'])
export class EvidenceCapture {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  evidenceId!: string;

  @ManyToOne(() => Evidence, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_evidence_captures_evidence' })
  evidence?: Relation<Evidence>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  state!: CaptureState;

  @Column({ type: 'varchar', length: 16, default: 'logged' })
  reason!: CaptureReason;

  /** 1 for the original, then 2, 3... in the order the versions were captured; null until done. */
  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  @Column({ type: 'text' })
  requestedUrl!: string;

  @Column({ type: 'text', nullable: true })
  finalUrl!: string | null;

  @Column({ type: 'integer', nullable: true })
  httpStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  contentType!: string | null;

  /** Blob of the HTML as rendered (pages) ... */
  @Column({ type: 'char', length: 64, nullable: true })
  htmlSha256!: string | null;

  /** ... of the extracted main text, which link checks compare ... */
  @Column({ type: 'char', length: 64, nullable: true })
  textSha256!: string | null;

  /** ... of the full-page PNG ... */
  @Column({ type: 'char', length: 64, nullable: true })
  screenshotSha256!: string | null;

  /**
   * ... and of the original: the response body as the server sent it, before anything was decoded or
   * rewritten (pages: the main document's body). Null for captures taken before originals were kept, and
   * when the browser could not read the bytes off the network (see DocumentBodyTap).
   */
  @Column({ type: 'char', length: 64, nullable: true })
  bodySha256!: string | null;

  /** Request and response lines and headers of the original's exchange, for the WARC of a WACZ export. */
  @Column({ type: 'jsonb', nullable: true })
  httpExchange!: RecordedExchange | null;

  @Column({ type: 'timestamptz', nullable: true })
  capturedAt!: Date | null;

  /** FetchError kind of a permanent failure (blocked, invalid_url, gone...) or 'exhausted' after retries. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  errorKind!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
