import {
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
import { Evidence } from '../../evidence/sources/evidence.entity';
import { EntityList } from './entity-list.entity';

/**
 * One listed entity, as the list's CSV gives it (docs/screening.md). `contentHash` is the hash of the row's
 * fields: a re-import with the same hash changes nothing, and a changed one re-screens only this entry.
 */
@Entity('entity_list_entries')
@Index('uq_entity_list_entries_list_external', ['listId', 'externalId'], { unique: true })
export class EntityListEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => EntityList, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'fk_entity_list_entries_list' })
  list?: Relation<EntityList>;

  @Column({ type: 'uuid' })
  listId!: string;

  /** The `entity_id` column: the list's own key for the entry. */
  @Column({ type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  nameZh!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  country!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  listSection!: string | null;

  @Column({ type: 'date', nullable: true })
  addedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  removedOn!: string | null;

  /** The `source_url` column, as given (the evidence below is found and kept by it). */
  @Column({ type: 'text', nullable: true })
  sourceUrl!: string | null;

  /** The notice that listed it, as evidence (kind government_list). */
  @ManyToOne(() => Evidence, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({
    name: 'source_evidence_id',
    foreignKeyConstraintName: 'fk_entity_list_entries_source_evidence',
  })
  sourceEvidence?: Relation<Evidence> | null;

  @Column({ type: 'uuid', nullable: true })
  sourceEvidenceId!: string | null;

  /** Why a fact of the entry could not be confirmed from a public source (demo seed); null when confirmed. */
  @Column({ type: 'text', nullable: true })
  uncertainReason!: string | null;

  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
