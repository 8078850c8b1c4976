import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';
import { Watch } from '../watches/watch.entity';

/**
 * One version of a watched page, stored when its content hash changed. The bytes live in the blob archive;
 * (watch, content hash) is unique, so a retried or duplicated check can never store the same version twice.
 */
@Entity('snapshots')
@Unique('uq_snapshots_watch_content', ['watchId', 'contentHash'])
@Index('idx_snapshots_watch_fetched', ['watchId', 'fetchedAt', 'id'])
export class Snapshot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Watch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'watch_id', foreignKeyConstraintName: 'fk_snapshots_watch' })
  watch?: Relation<Watch>;

  @Column({ type: 'uuid' })
  watchId!: string;

  /** SHA-256 of the normalised, noise-masked main text: what decides "changed". */
  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'timestamptz' })
  fetchedAt!: Date;

  @Column({ type: 'text' })
  finalUrl!: string;

  @Column({ type: 'integer' })
  httpStatus!: number;

  @Column({ type: 'varchar', length: 10 })
  via!: 'http' | 'browser';

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'varchar', length: 10 })
  language!: string;

  /** The page as served (HTML, text or PDF) or, for browser checks, the rendered HTML. */
  @Column({ type: 'char', length: 64 })
  bodySha256!: string;

  /** The main text as a reviewer reads it. */
  @Column({ type: 'char', length: 64 })
  textSha256!: string;

  /** The extracted page (title, language, text, sentences) as JSON: the input of the next comparison. */
  @Column({ type: 'char', length: 64 })
  pageSha256!: string;

  @Column({ type: 'char', length: 64, nullable: true })
  screenshotSha256!: string | null;
}
