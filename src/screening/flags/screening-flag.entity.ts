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
import { Brand } from '../../catalogue/brands/brand.entity';
import { EntityListEntry } from '../lists/entity-list-entry.entity';

export interface FlaggedSupplier {
  /** The supplier's id in the brand's list. */
  id: string;
  name: string;
  candidateId: string;
  decision: 'match' | 'possible';
}

/**
 * A new entry on an entity list that looks like a tracked brand's supplier: one flag per brand and entry
 * (uq_screening_flags_brand_entry), naming the brand, the supplier(s) and the entity, announced to webhooks
 * (event `screening.listed_supplier`) when a supplier is a `match`. The candidates behind it are decided in
 * the screening queue; the flag is the alert, so nobody has to watch the queue for new listings.
 */
@Entity('screening_flags')
@Index('uq_screening_flags_brand_entry', ['brandId', 'entryId'], { unique: true })
@Index('idx_screening_flags_created', ['createdAt', 'id'])
@Check('chk_screening_flags_significance', `significance IN ('minor', 'major')`)
export class ScreeningFlag {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_screening_flags_brand' })
  brand?: Relation<Brand>;

  @Column({ type: 'uuid' })
  brandId!: string;

  @ManyToOne(() => EntityListEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_screening_flags_entry' })
  entry?: Relation<EntityListEntry>;

  @Column({ type: 'uuid' })
  entryId!: string;

  /** `major` when a supplier is a `match`, `minor` when all are `possible` (queue only, no webhook). */
  @Column({ type: 'varchar', length: 10 })
  significance!: 'minor' | 'major';

  @Column({ type: 'jsonb' })
  suppliers!: FlaggedSupplier[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
