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
import { Brand } from '../../catalogue/brands/brand.entity';
import { Company } from '../../catalogue/companies/company.entity';
import { ReviewChecks, Reviewable } from '../../kernel/review/reviewable';
import type { CommitmentScope } from './commitment-scope';
import { COMMITMENT_TYPES, CommitmentType } from '../../kernel/as-of/commitment-type';
import { sqlList } from '../../platform/database/sql-list';
import { DatePrecision, effectiveDateCheck, precisionCheck } from '../../kernel/dates/known-date';

/**
 * A dated statement of position by a brand or (exactly one of) its group. Never rewritten: a change is a
 * new commitment that supersedes this one. The partial indexes serving the as-of query
 * (idx_commitments_*_in_force, idx_commitments_*_retractions, idx_commitments_superseded_by) live in the
 * migration.
 */
@Entity('commitments')
@ReviewChecks('commitments')
@Check('chk_commitments_one_subject', `num_nonnulls(brand_id, company_id) = 1`)
@Check('chk_commitments_type', `type IN (${sqlList(COMMITMENT_TYPES)})`)
@Check('chk_commitments_precision', precisionCheck('stated_on_precision'))
@Check('chk_commitments_effective_on', effectiveDateCheck('stated_on', 'stated_on_precision'))
@Check('chk_commitments_scope_object', `jsonb_typeof(scope) = 'object'`)
@Check('chk_commitments_not_self_superseding', `supersedes_id <> id`)
@Check(
  'chk_commitments_retracts_by_retraction',
  `retracts_id IS NULL OR (type = 'retraction' AND retracts_id <> id)`,
)
@Index('idx_commitments_brand_in_force', { synchronize: false })
@Index('idx_commitments_company_in_force', { synchronize: false })
@Index('idx_commitments_brand_retractions', { synchronize: false })
@Index('idx_commitments_company_retractions', { synchronize: false })
@Index('idx_commitments_superseded_by', { synchronize: false })
@Index('idx_commitments_brand_timeline', { synchronize: false })
@Index('idx_commitments_company_timeline', { synchronize: false })
export class Commitment extends Reviewable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Commitments are history: a brand or company that has any cannot be deleted. */
  @ManyToOne(() => Brand, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_commitments_brand' })
  brand?: Relation<Brand> | null;

  @Column({ type: 'uuid', nullable: true })
  brandId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_commitments_company' })
  company?: Relation<Company> | null;

  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  type!: CommitmentType;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  scope!: CommitmentScope;

  /** Month and year dates are stored as the first day of their period. */
  @Column({ type: 'date' })
  statedOn!: string;

  @Column({ type: 'varchar', length: 10 })
  statedOnPrecision!: DatePrecision;

  /** The day the as-of rule counts it from (see known-date.ts); a CHECK keeps it in step with statedOn. */
  @Column({ type: 'date' })
  effectiveOn!: string;

  @Column({ type: 'text' })
  summary!: string;

  /** The earlier commitment this one replaces; a superseded commitment stays, for the timeline. */
  @ManyToOne(() => Commitment, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'fk_commitments_supersedes' })
  supersedes?: Relation<Commitment> | null;

  @Column({ type: 'uuid', nullable: true })
  supersedesId!: string | null;

  /** For a retraction: the statement it withdraws, when known (the public timeline shows the pair). */
  @ManyToOne(() => Commitment, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'retracts_id', foreignKeyConstraintName: 'fk_commitments_retracts' })
  retracts?: Relation<Commitment> | null;

  @Column({ type: 'uuid', nullable: true })
  retractsId!: string | null;

  /** Users are disabled, never deleted (the audit log and the four-eyes rule refer to them). */
  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_commitments_created_by' })
  createdBy?: Relation<User> | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_commitments_reviewed_by' })
  reviewedBy?: Relation<User> | null;
}
