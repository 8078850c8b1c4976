import {
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
import { Evidence } from '../../evidence/sources/evidence.entity';

/**
 * One published version of a brand's supplier list, tied to the evidence it was taken from. The same file
 * imported twice is one version (`fileSha256`), so a later list can be compared with an earlier one.
 */
@Entity('supplier_lists')
@Index('uq_supplier_lists_brand_file', ['brandId', 'fileSha256'], { unique: true })
@Index('idx_supplier_lists_brand_published', ['brandId', 'publishedOn'])
export class SupplierList {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_supplier_lists_brand' })
  brand?: Relation<Brand>;

  @Column({ type: 'uuid' })
  brandId!: string;

  @Column({ type: 'date' })
  publishedOn!: string;

  @ManyToOne(() => Evidence, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'source_evidence_id', foreignKeyConstraintName: 'fk_supplier_lists_source_evidence' })
  sourceEvidence?: Relation<Evidence> | null;

  @Column({ type: 'uuid', nullable: true })
  sourceEvidenceId!: string | null;

  @Column({ type: 'char', length: 64 })
  fileSha256!: string;

  @Column({ type: 'integer' })
  facilityCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
