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
import { User } from '../../identity/users/user.entity';
import { sqlList } from '../../platform/database/sql-list';
import { ReviewChecks, Reviewable } from '../../kernel/review/reviewable';
import { EVIDENCE_KINDS, EvidenceKind } from './evidence-kind';

/**
 * A source behind commitments, findings (and later flags): a URL or an uploaded document. Its archived
 * capture is a separate record (the capture work), so a dead link keeps its copy.
 */
@Entity('evidence')
@ReviewChecks('evidence')
@Check('chk_evidence_source', `num_nonnulls(url, document_ref) >= 1`)
@Check('chk_evidence_url_http', `url ~ '^https?://'`)
@Check('chk_evidence_kind', `kind IN (${sqlList(EVIDENCE_KINDS)})`)
@Index('idx_evidence_url', ['url'])
@Index('idx_evidence_created', { synchronize: false })
export class Evidence extends Reviewable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  /** Reference of an uploaded document in our storage (e.g. `sha256:<hex>`), when there is no URL. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  documentRef!: string | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  publisher!: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind!: EvidenceKind;

  @Column({ type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  accessedOn!: string | null;

  /** Users are disabled, never deleted (the audit log and the four-eyes rule refer to them). */
  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_evidence_created_by' })
  createdBy?: Relation<User> | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_evidence_reviewed_by' })
  reviewedBy?: Relation<User> | null;
}
