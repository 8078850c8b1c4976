import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { SupplierList } from './supplier-list.entity';

/**
 * One facility of a supplier-list version. `matchKey` is its own name reduced as for entity names
 * (idx_supplier_facilities_key_trgm, in the migration); `contentHash` tells whether the same supplier id
 * changed between versions, so re-screening skips what did not.
 */
@Entity('supplier_facilities')
@Index('uq_supplier_facilities_list_external', ['supplierListId', 'externalId'], { unique: true })
@Index('idx_supplier_facilities_key_trgm', { synchronize: false })
export class SupplierFacility {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => SupplierList, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_list_id', foreignKeyConstraintName: 'fk_supplier_facilities_list' })
  supplierList?: Relation<SupplierList>;

  @Column({ type: 'uuid' })
  supplierListId!: string;

  /** The `supplier_id` column. */
  @Column({ type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  country!: string | null;

  /** Open Supply Hub id, where the list gives one. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  osId!: string | null;

  @Column({ type: 'text' })
  matchKey!: string;

  @Column({ type: 'char', length: 64 })
  contentHash!: string;
}
