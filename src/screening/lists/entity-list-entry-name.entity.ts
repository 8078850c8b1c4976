import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { EntityListEntry } from './entity-list-entry.entity';

/**
 * Each name of an entry (its name, aliases, Chinese name) reduced to the firm's own name in Latin letters
 * (src/screening/matching): the key Postgres searches by trigram (idx_entity_list_entry_names_key_trgm, in the
 * migration) to find candidates before the full comparison.
 */
@Entity('entity_list_entry_names')
@Index('idx_entity_list_entry_names_key_trgm', { synchronize: false })
export class EntityListEntryName {
  @PrimaryColumn({ type: 'uuid' })
  entryId!: string;

  @PrimaryColumn({ type: 'smallint' })
  position!: number;

  @ManyToOne(() => EntityListEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_entity_list_entry_names_entry' })
  entry?: Relation<EntityListEntry>;

  @Column({ type: 'text' })
  matchKey!: string;
}
