import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Brand } from '../../../catalogue/brands/brand.entity';
import { Company } from '../../../catalogue/companies/company.entity';
import { Evidence } from '../../../evidence/sources/evidence.entity';
import { User } from '../../../identity/users/user.entity';
import { ReviewChecks, Reviewable } from '../../../kernel/review/reviewable';
import { sqlList } from '../../../platform/database/sql-list';
import { ExposureFinding } from '../exposure-finding.entity';
import { CLOSURE_REASONS, ClosureReason } from './closure-reason';

/**
 * The end of an exposure finding as of a day (facility sold or closed, relationship ended, claim
 * withdrawn), a record of its own with its own evidence, reviewed like every claim. Once verified, the
 * finding counts as ended from `ended_on` in every as-of reading (kernel/as-of/exposure.sql.ts). It carries
 * the finding's brand or group so the claim stack treats it like any claim about a subject.
 */
@Entity('finding_closures')
@ReviewChecks('finding_closures')
@Check('chk_finding_closures_one_subject', `num_nonnulls(brand_id, company_id) = 1`)
@Check('chk_finding_closures_reason', `reason IN (${sqlList(CLOSURE_REASONS)})`)
@Index('idx_finding_closures_finding', ['findingId'])
export class FindingClosure extends Reviewable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => ExposureFinding, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'fk_finding_closures_finding' })
  finding?: Relation<ExposureFinding>;

  @Column({ type: 'uuid' })
  findingId!: string;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_finding_closures_brand' })
  brand?: Relation<Brand> | null;

  @Column({ type: 'uuid', nullable: true })
  brandId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_finding_closures_company' })
  company?: Relation<Company> | null;

  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;

  /** The first day the link no longer held. */
  @Column({ type: 'date' })
  endedOn!: string;

  @Column({ type: 'varchar', length: 40 })
  reason!: ClosureReason;

  @Column({ type: 'text' })
  summary!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_finding_closures_created_by' })
  createdBy?: Relation<User> | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_finding_closures_reviewed_by' })
  reviewedBy?: Relation<User> | null;
}

/** Which evidence supports which closure (the news of the sale, the report's correction...). */
@Entity('finding_closure_evidence')
@Index('idx_finding_closure_evidence_evidence', ['evidenceId'])
export class FindingClosureEvidence {
  @PrimaryColumn({ type: 'uuid' })
  closureId!: string;

  @PrimaryColumn({ type: 'uuid' })
  evidenceId!: string;

  @ManyToOne(() => FindingClosure, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'closure_id', foreignKeyConstraintName: 'fk_finding_closure_evidence_closure' })
  closure?: Relation<FindingClosure>;

  @ManyToOne(() => Evidence, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_finding_closure_evidence_evidence' })
  evidence?: Relation<Evidence>;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt!: Date;
}
