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
import { User } from '../../identity/users/user.entity';
import { Brand } from '../brands/brand.entity';
import { Company } from '../companies/company.entity';

/** The fields a revision changes, as the entity's own properties (companyId, not the company's slug). */
export type RevisionChanges = Record<string, unknown>;

/**
 * A change to a verified brand's or company's public fields, waiting for a reviewer other than its author
 * (docs/data-model.md, "Verified means reviewed"). Until then the record keeps its verified values, which
 * are all the public sees. At most one per record; the row is deleted when it is verified or rejected
 * (the audit log keeps the story).
 */
@Entity('proposed_revisions')
@Check('chk_proposed_revisions_one_subject', `(brand_id IS NULL) <> (company_id IS NULL)`)
export class ProposedRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_proposed_revisions_brand', { unique: true, where: 'brand_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  brandId!: string | null;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_proposed_revisions_brand' })
  brand?: Relation<Brand>;

  @Index('uq_proposed_revisions_company', { unique: true, where: 'company_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_proposed_revisions_company' })
  company?: Relation<Company>;

  @Column({ type: 'jsonb' })
  changes!: RevisionChanges;

  @Column({ type: 'uuid' })
  proposedById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by_id', foreignKeyConstraintName: 'fk_proposed_revisions_proposed_by' })
  proposedBy?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  proposedAt!: Date;
}
