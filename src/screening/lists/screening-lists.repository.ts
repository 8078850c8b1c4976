import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { EntityListEntryName } from './entity-list-entry-name.entity';
import { EntityListEntry } from './entity-list-entry.entity';
import { EntityList } from './entity-list.entity';
import { SupplierFacility } from './supplier-facility.entity';
import { SupplierList } from './supplier-list.entity';

/** Rows are written in chunks: one INSERT of 100k facilities would pass Postgres's parameter limit. */
const INSERT_CHUNK = 1000;

export type NewEntry = Omit<EntityListEntry, 'id' | 'list' | 'sourceEvidence' | 'createdAt' | 'updatedAt'>;
export type NewFacility = Omit<SupplierFacility, 'id' | 'supplierList'>;

/** The only door to the screening lists' tables. */
@Injectable()
export class ScreeningListsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async listBySlug(
    slug: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EntityList | null> {
    return manager.getRepository(EntityList).findOneBy({ slug });
  }

  /** The list, created on its first import; a concurrent first import of the same slug finds the winner's. */
  async ensureList(manager: EntityManager, slug: string, name: string): Promise<EntityList> {
    await manager.createQueryBuilder().insert().into(EntityList).values({ slug, name }).orIgnore().execute();
    return manager.getRepository(EntityList).findOneByOrFail({ slug });
  }

  /** Each entry's id and content hash by its external id, to tell new, changed and unchanged rows apart. */
  async entryHashes(
    manager: EntityManager,
    listId: string,
  ): Promise<Map<string, { id: string; contentHash: string }>> {
    const rows = await manager
      .getRepository(EntityListEntry)
      .find({ select: { id: true, externalId: true, contentHash: true }, where: { listId } });
    return new Map(rows.map((row) => [row.externalId, { id: row.id, contentHash: row.contentHash }]));
  }

  async insertEntries(manager: EntityManager, entries: NewEntry[]): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(EntityListEntry)
        .values(entries.slice(start, start + INSERT_CHUNK))
        .returning(['id'])
        .execute();
      ids.push(...(result.identifiers as { id: string }[]).map((identifier) => identifier.id));
    }
    return ids;
  }

  async updateEntry(manager: EntityManager, id: string, entry: NewEntry): Promise<void> {
    await manager.getRepository(EntityListEntry).update({ id }, entry);
  }

  /** Replaces the match keys of these entries (their names may have changed). */
  async replaceNames(manager: EntityManager, keysByEntry: Map<string, string[]>): Promise<void> {
    const entryIds = [...keysByEntry.keys()];
    if (!entryIds.length) return;
    await manager.getRepository(EntityListEntryName).delete({ entryId: In(entryIds) });
    const rows = entryIds.flatMap((entryId) =>
      (keysByEntry.get(entryId) ?? []).map((matchKey, position) => ({ entryId, position, matchKey })),
    );
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await manager.getRepository(EntityListEntryName).insert(rows.slice(start, start + INSERT_CHUNK));
    }
  }

  async supplierListByFile(brandId: string, fileSha256: string): Promise<SupplierList | null> {
    return this.dataSource.getRepository(SupplierList).findOneBy({ brandId, fileSha256 });
  }

  /** The brand's newest version before this one (by publication, then import), to re-screen only changes. */
  async previousSupplierList(manager: EntityManager, list: SupplierList): Promise<SupplierList | null> {
    return manager
      .getRepository(SupplierList)
      .createQueryBuilder('list')
      .where('list.brand_id = :brandId AND list.id <> :id', { brandId: list.brandId, id: list.id })
      .andWhere('(list.published_on, list.created_at) <= (:publishedOn, :createdAt)', {
        publishedOn: list.publishedOn,
        createdAt: list.createdAt,
      })
      .orderBy('list.published_on', 'DESC')
      .addOrderBy('list.created_at', 'DESC')
      .getOne();
  }

  async insertSupplierList(
    manager: EntityManager,
    list: Pick<SupplierList, 'brandId' | 'publishedOn' | 'sourceEvidenceId' | 'fileSha256' | 'facilityCount'>,
  ): Promise<SupplierList> {
    return manager.getRepository(SupplierList).save(manager.getRepository(SupplierList).create(list));
  }

  async insertFacilities(manager: EntityManager, facilities: NewFacility[]): Promise<void> {
    for (let start = 0; start < facilities.length; start += INSERT_CHUNK) {
      await manager.getRepository(SupplierFacility).insert(facilities.slice(start, start + INSERT_CHUNK));
    }
  }

  /** Content hash by external id of a version's facilities. */
  async facilityHashes(manager: EntityManager, supplierListId: string): Promise<Map<string, string>> {
    const rows = await manager
      .getRepository(SupplierFacility)
      .find({ select: { externalId: true, contentHash: true }, where: { supplierListId } });
    return new Map(rows.map((row) => [row.externalId, row.contentHash]));
  }
}
