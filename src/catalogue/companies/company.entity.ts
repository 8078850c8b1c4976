import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';
import { User } from '../../identity/users/user.entity';
import { ReviewChecks, Reviewable } from '../../kernel/review/reviewable';
import {
  COUNTRY_LENGTH,
  LEI_LENGTH,
  SQL_COUNTRY_PATTERN,
  SQL_LEI_PATTERN,
  SQL_SLUG_PATTERN,
  SQL_WIKIDATA_ID_PATTERN,
  WIKIDATA_ID_MAX_LENGTH,
} from './identifiers';

/**
 * A company group (Inditex) that owns brands (Zara). Commitments made at group level apply to its brands.
 * The trigram index on name and aliases (idx_companies_names_trgm) lives in the migration: TypeORM cannot
 * describe an expression GIN index.
 */
@Entity('companies')
@Unique('uq_companies_slug', ['slug'])
@ReviewChecks('companies')
@Check('chk_companies_slug', `slug ~ '${SQL_SLUG_PATTERN}' AND length(slug) <= 100`)
@Check('chk_companies_country', `country ~ '${SQL_COUNTRY_PATTERN}'`)
@Check('chk_companies_wikidata_id', `wikidata_id ~ '${SQL_WIKIDATA_ID_PATTERN}'`)
@Check('chk_companies_lei', `lei ~ '${SQL_LEI_PATTERN}'`)
@Index('idx_companies_names_trgm', { synchronize: false })
export class Company extends Reviewable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Other names, including other scripts (e.g. 印迪特), searched like the name. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  /** Headquarters, ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: COUNTRY_LENGTH, nullable: true })
  country!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'varchar', length: WIKIDATA_ID_MAX_LENGTH, nullable: true })
  wikidataId!: string | null;

  @Column({ type: 'char', length: LEI_LENGTH, nullable: true })
  lei!: string | null;

  /** Users are disabled, never deleted (the audit log and the four-eyes rule refer to them). */
  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_companies_created_by' })
  createdBy?: Relation<User> | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_companies_reviewed_by' })
  reviewedBy?: Relation<User> | null;
}
