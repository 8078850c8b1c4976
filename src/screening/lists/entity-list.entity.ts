import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A list of entities a brand's suppliers are screened against: the US UFLPA Entity List first; the entities
 * a report names can be another. Its entries carry their own dates, so the list needs no versions of its own.
 */
@Entity('entity_lists')
@Index('uq_entity_lists_slug', ['slug'], { unique: true })
export class EntityList {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** e.g. `uflpa`: what imports and URLs name the list by. */
  @Column({ type: 'varchar', length: 60 })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
