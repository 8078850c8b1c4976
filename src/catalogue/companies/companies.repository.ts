import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../../platform/pagination/cursor';
import type { ReviewStatus } from '../../kernel/review/review-status';
import { Company } from './company.entity';
import { containsPattern } from './search-pattern';

export interface CompanyListFilter {
  statuses: ReviewStatus[];
  q?: string;
  cursor?: string;
  limit: number;
}

/** The only door to the companies table. */
@Injectable()
export class CompaniesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A company by slug, or by id when the reference is a UUID. */
  findByRef(ref: string, manager: EntityManager = this.dataSource.manager): Promise<Company | null> {
    const builder = manager
      .getRepository(Company)
      .createQueryBuilder('company')
      .where('company.slug = :ref', { ref });
    if (UUID.test(ref)) builder.orWhere('company.id = CAST(:refId AS uuid)', { refId: ref });
    return builder.getOne();
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Company | null> {
    return manager.getRepository(Company).findOneBy({ id });
  }

  /**
   * Companies whose name or an alias equals `name`, ignoring case. The trigram index narrows the rows,
   * the exact comparison decides.
   *   WHERE catalogue_search_text(name, aliases) LIKE '%<name>%'
   *     AND (lower(name) = lower($1) OR lower($1) = ANY (SELECT lower(a) FROM unnest(aliases) a))
   */
  findByNameOrAlias(name: string): Promise<Company[]> {
    return this.dataSource
      .getRepository(Company)
      .createQueryBuilder('company')
      .where('catalogue_search_text(company.name, company.aliases) LIKE :pattern', {
        pattern: containsPattern(name),
      })
      .andWhere(
        '(lower(company.name) = lower(:name) OR lower(:name) = ANY (SELECT lower(alias) FROM unnest(company.aliases) alias))',
        { name: name.trim() },
      )
      .orderBy('company.slug')
      .getMany();
  }

  /** Keyset page in slug order: WHERE status = ANY(:statuses) [AND search LIKE :q] [AND slug > :after] */
  list(filter: CompanyListFilter): Promise<Company[]> {
    const builder = this.dataSource
      .getRepository(Company)
      .createQueryBuilder('company')
      .where('company.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.q) {
      builder.andWhere('catalogue_search_text(company.name, company.aliases) LIKE :pattern', {
        pattern: containsPattern(filter.q),
      });
    }
    if (filter.cursor) {
      const { slug } = decodeCursor(filter.cursor, ['slug'] as const);
      builder.andWhere('company.slug > :after', { after: slug });
    }
    return builder
      .orderBy('company.slug', 'ASC')
      .limit(filter.limit + 1)
      .getMany();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
