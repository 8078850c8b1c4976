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
import { sqlList } from '../../platform/database/sql-list';
import { DatePrecision, effectiveDateCheck, precisionCheck } from '../../kernel/dates/known-date';
import { Company } from '../../catalogue/companies/company.entity';
import { ReviewChecks, Reviewable } from '../../kernel/review/reviewable';
import { FINDING_KINDS, FINDING_RESPONSES, FindingKind, FindingResponse } from './finding-kind';

/**
 * A documented link between a brand (or its group) and the region. The partial indexes serving the
 * `exposed` filter (idx_exposure_findings_*_verified) live in the migration.
 */
@Entity('exposure_findings')
@ReviewChecks('exposure_findings')
@Check('chk_exposure_findings_one_subject', `num_nonnulls(brand_id, company_id) = 1`)
@Check('chk_exposure_findings_kind', `kind IN (${sqlList(FINDING_KINDS)})`)
@Check('chk_exposure_findings_response', `response IN (${sqlList(FINDING_RESPONSES)})`)
@Check('chk_exposure_findings_precision', precisionCheck('published_on_precision'))
@Check('chk_exposure_findings_effective_on', effectiveDateCheck('published_on', 'published_on_precision'))
@Check('chk_exposure_findings_ended_after_start', `ended_on >= published_on`)
@Index('idx_exposure_findings_brand_verified', { synchronize: false })
@Index('idx_exposure_findings_company_verified', { synchronize: false })
@Index('idx_exposure_findings_created', { synchronize: false })
@Index('idx_exposure_findings_brand', { synchronize: false })
@Index('idx_exposure_findings_company', { synchronize: false })
export class ExposureFinding extends Reviewable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_exposure_findings_brand' })
  brand?: Relation<Brand> | null;

  @Column({ type: 'uuid', nullable: true })
  brandId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_exposure_findings_company' })
  company?: Relation<Company> | null;

  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind!: FindingKind;

  /** e.g. "Uyghurs for Sale (ASPI)"; null for findings that come from no report. */
  @Column({ type: 'text', nullable: true })
  reportName!: string | null;

  @Column({ type: 'date' })
  publishedOn!: string;

  @Column({ type: 'varchar', length: 10 })
  publishedOnPrecision!: DatePrecision;

  @Column({ type: 'date' })
  effectiveOn!: string;

  @Column({ type: 'text' })
  finding!: string;

  @Column({ type: 'varchar', length: 40, default: FindingResponse.Unknown })
  response!: FindingResponse;

  /** When the link ended, e.g. a facility exit; the finding stays as history. */
  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  /** Users are disabled, never deleted (the audit log and the four-eyes rule refer to them). */
  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_exposure_findings_created_by' })
  createdBy?: Relation<User> | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_exposure_findings_reviewed_by' })
  reviewedBy?: Relation<User> | null;
}
