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
import { Company } from '../companies/company.entity';
import {
  COUNTRY_LENGTH,
  LEI_LENGTH,
  OPEN_SUPPLY_HUB_ID_MAX_LENGTH,
  SQL_COUNTRY_PATTERN,
  SQL_LEI_PATTERN,
  SQL_SLUG_PATTERN,
  SQL_WIKIDATA_ID_PATTERN,
  WIKIDATA_ID_MAX_LENGTH,
} from '../companies/identifiers';
import { ReviewChecks, Reviewable } from '../../kernel/review/reviewable';

/**
 * What the public knows (Zara). The trigram index on name and aliases and the GIN index on sectors serve
 * the campaigner query and live in the migration (expression and GIN indexes TypeORM cannot describe).
 */
@Entity('brands')
@Unique('uq_brands_slug', ['slug'])
@ReviewChecks('brands')
@Check('chk_brands_slug', `slug ~ '${SQL_SLUG_PATTERN}' AND length(slug) <= 100`)
@Check('chk_brands_hq_country', `hq_country ~ '${SQL_COUNTRY_PATTERN}'`)
@Check('chk_brands_wikidata_id', `wikidata_id ~ '${SQL_WIKIDATA_ID_PATTERN}'`)
@Check('chk_brands_lei', `lei ~ '${SQL_LEI_PATTERN}'`)
@Index('idx_brands_company', ['companyId'])
@Index('idx_brands_verified_slug', { synchronize: false })
@Index('idx_brands_names_trgm', { synchronize: false })
@Index('idx_brands_sectors', { synchronize: false })
@Index('idx_brands_hq_country', { synchronize: false })
export class Brand extends Reviewable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Other names, including other scripts (e.g. 飒拉), searched like the name. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  /** The group; null when unknown. A company with brands cannot be deleted. */
  @ManyToOne(() => Company, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'company_id', foreignKeyConstraintName: 'fk_brands_company' })
  company?: Relation<Company> | null;

  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;

  /** Lower-case sector keys (apparel, automotive, electronics...). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors!: string[];

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: COUNTRY_LENGTH, nullable: true })
  hqCountry!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'varchar', length: WIKIDATA_ID_MAX_LENGTH, nullable: true })
  wikidataId!: string | null;

  @Column({ type: 'char', length: LEI_LENGTH, nullable: true })
  lei!: string | null;

  @Column({ type: 'varchar', length: OPEN_SUPPLY_HUB_ID_MAX_LENGTH, nullable: true })
  openSupplyHubId!: string | null;

  /** Users are disabled, never deleted (the audit log and the four-eyes rule refer to them). */
  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_brands_created_by' })
  createdBy?: Relation<User> | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_brands_reviewed_by' })
  reviewedBy?: Relation<User> | null;
}
