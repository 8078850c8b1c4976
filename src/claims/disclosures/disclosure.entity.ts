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
import { Brand } from '../../catalogue/brands/brand.entity';
import { sqlList } from '../../platform/database/sql-list';
import { DatePrecision, effectiveDateCheck, precisionCheck } from '../../kernel/dates/known-date';
import { Company } from '../../catalogue/companies/company.entity';
import { Evidence } from '../../evidence/sources/evidence.entity';
import { ReviewChecks, Reviewable } from '../../kernel/review/reviewable';
import { User } from '../../identity/users/user.entity';
import { DISCLOSURE_KINDS, DisclosureKind } from './disclosure-kind';

/**
 * A supply-chain disclosure of a brand or (exactly one of) its group: a supplier list, processing tiers or
 * raw-material traceability, published on a date and standing until withdrawn. Dated like commitments (a
 * date, its precision and the derived effective_on), reviewed like every claim.
 */
@Entity('disclosures')
@ReviewChecks('disclosures')
@Check('chk_disclosures_one_subject', `num_nonnulls(brand_id, company_id) = 1`)
@Check('chk_disclosures_kind', `kind IN (${sqlList(DISCLOSURE_KINDS)})`)
@Check('chk_disclosures_precision', precisionCheck('disclosed_on_precision'))
@Check('chk_disclosures_effective_on', effectiveDateCheck('disclosed_on', 'disclosed_on_precision'))
@Check('chk_disclosures_withdrawn_after_start', `withdrawn_on >= disclosed_on`)
@Check('chk_disclosures_url_http', `url ~ '^https?://'`)
@Index('idx_disclosures_brand', { synchronize: false })
@Index('idx_disclosures_company', { synchronize: false })
export class Disclosure extends Reviewable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_disclosures_brand' })
  brand?: Relation<Brand> | null;

  @Column({ type: 'uuid', nullable: true })
  brandId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_disclosures_company' })
  company?: Relation<Company> | null;

  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind!: DisclosureKind;

  /** Month and year dates are stored as the first day of their period. */
  @Column({ type: 'date' })
  disclosedOn!: string;

  @Column({ type: 'varchar', length: 10 })
  disclosedOnPrecision!: DatePrecision;

  /** The day the as-of rule counts it from (known-date.ts); a CHECK keeps it in step with disclosedOn. */
  @Column({ type: 'date' })
  effectiveOn!: string;

  /** When it was taken down or went stale; the record stays, for the timeline. */
  @Column({ type: 'date', nullable: true })
  withdrawnOn!: string | null;

  /** Where the disclosure is published. */
  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_disclosures_created_by' })
  createdBy?: Relation<User> | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_disclosures_reviewed_by' })
  reviewedBy?: Relation<User> | null;
}

/** Which evidence supports which disclosure (the archived copy of the list as published). */
@Entity('disclosure_evidence')
@Index('idx_disclosure_evidence_evidence', ['evidenceId'])
export class DisclosureEvidence {
  @PrimaryColumn({ type: 'uuid' })
  disclosureId!: string;

  @PrimaryColumn({ type: 'uuid' })
  evidenceId!: string;

  @ManyToOne(() => Disclosure, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'disclosure_id', foreignKeyConstraintName: 'fk_disclosure_evidence_disclosure' })
  disclosure?: Relation<Disclosure>;

  @ManyToOne(() => Evidence, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_disclosure_evidence_evidence' })
  evidence?: Relation<Evidence>;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt!: Date;
}
