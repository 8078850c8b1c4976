import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern } from '../companies/search-pattern';
import { ReviewStatus } from '../../kernel/review/review-status';
import { Brand } from './brand.entity';

/** Single-brand lookups. The campaigner list and facets are in BrandSearchRepository. */
@Injectable()
export class BrandsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A brand (with its company) by slug, or by id when the reference is a UUID. */
  findByRef(ref: string, manager: EntityManager = this.dataSource.manager): Promise<Brand | null> {
    const builder = manager
      .getRepository(Brand)
      .createQueryBuilder('brand')
      .leftJoinAndSelect('brand.company', 'company')
      .where('brand.slug = :ref', { ref });
    if (UUID.test(ref)) builder.orWhere('brand.id = CAST(:refId AS uuid)', { refId: ref });
    return builder.getOne();
  }

  /** Locks the brand row for an edit inside `manager`'s transaction. */
  lockById(id: string, manager: EntityManager): Promise<Brand> {
    return manager
      .getRepository(Brand)
      .createQueryBuilder('brand')
      .setLock('pessimistic_write')
      .where('brand.id = :id', { id })
      .getOneOrFail();
  }

  /**
   * The verified brands of a group in slug order (a brand page lists its siblings):
   *   SELECT * FROM brands WHERE company_id = $1 AND status = 'verified' ORDER BY slug LIMIT $2
   */
  verifiedOfCompany(companyId: string, limit: number): Promise<Brand[]> {
    return this.dataSource.getRepository(Brand).find({
      where: { companyId, status: ReviewStatus.Verified },
      order: { slug: 'ASC' },
      take: limit,
    });
  }

  /**
   * Brands whose name or an alias equals `name`, ignoring case; the trigram index narrows, the exact
   * comparison decides:
   *   WHERE catalogue_search_text(name, aliases) LIKE '%<name>%'
   *     AND (lower(name) = lower($1) OR lower($1) = ANY (SELECT lower(a) FROM unnest(aliases) a))
   */
  findByNameOrAlias(name: string): Promise<Brand[]> {
    return this.dataSource
      .getRepository(Brand)
      .createQueryBuilder('brand')
      .leftJoinAndSelect('brand.company', 'company')
      .where('catalogue_search_text(brand.name, brand.aliases) LIKE :pattern', {
        pattern: containsPattern(name),
      })
      .andWhere(
        '(lower(brand.name) = lower(:name) OR lower(:name) = ANY (SELECT lower(alias) FROM unnest(brand.aliases) alias))',
        { name: name.trim() },
      )
      .orderBy('brand.slug')
      .getMany();
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
