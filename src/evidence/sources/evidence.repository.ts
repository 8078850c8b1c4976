import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badCursor, CURSOR_TIMESTAMP, CURSOR_UUID, decodeCursor } from '../../platform/pagination/cursor';
import type { ReviewStatus } from '../../kernel/review/review-status';
import { Evidence } from './evidence.entity';
import type { EvidenceKind } from './evidence-kind';

/** What evidence can support, and the link table holding each kind of link. */
export type EvidenceOwner = 'commitment' | 'finding' | 'disclosure' | 'closure';

export const LINK_TABLES: { readonly [Owner in EvidenceOwner]: { table: string; column: string } } = {
  commitment: { table: 'commitment_evidence', column: 'commitment_id' },
  finding: { table: 'finding_evidence', column: 'finding_id' },
  // Owned by src/claims/disclosures (its migration); linked through here like the others.
  disclosure: { table: 'disclosure_evidence', column: 'disclosure_id' },
  // Owned by src/claims/findings/closures (the trust-chain migration): what shows a finding ended.
  closure: { table: 'finding_closure_evidence', column: 'closure_id' },
};

export interface EvidenceListFilter {
  statuses: ReviewStatus[];
  kind?: EvidenceKind;
  url?: string;
  commitmentId?: string;
  findingId?: string;
  cursor?: string;
  limit: number;
}

/** The only door to the evidence table and its link tables. */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Evidence | null> {
    return manager.getRepository(Evidence).findOneBy({ id });
  }

  /** Newest first, keyset on (created_at, id); served by idx_evidence_created or idx_evidence_url. */
  async list(filter: EvidenceListFilter): Promise<Array<{ evidence: Evidence; cursorAt: string }>> {
    const builder = this.dataSource
      .getRepository(Evidence)
      .createQueryBuilder('evidence')
      .where('evidence.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.kind) builder.andWhere('evidence.kind = :kind', { kind: filter.kind });
    if (filter.url) builder.andWhere('evidence.url = :url', { url: filter.url });
    if (filter.commitmentId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM commitment_evidence link WHERE link.evidence_id = evidence.id AND link.commitment_id = :commitmentId)',
        { commitmentId: filter.commitmentId },
      );
    }
    if (filter.findingId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM finding_evidence link WHERE link.evidence_id = evidence.id AND link.finding_id = :findingId)',
        { findingId: filter.findingId },
      );
    }
    if (filter.cursor) {
      const { at, id } = decodeCursor(filter.cursor, ['at', 'id'] as const);
      if (!CURSOR_TIMESTAMP.test(at) || !CURSOR_UUID.test(id)) throw badCursor();
      builder.andWhere('(evidence.created_at, evidence.id) < (:at::timestamptz, :id::uuid)', { at, id });
    }
    // created_at to the microsecond for the cursor: a JS Date would drop the microseconds and skip rows.
    const { entities, raw } = await builder
      .addSelect(
        `to_char(evidence.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        'cursor_at',
      )
      .orderBy('evidence.created_at', 'DESC')
      .addOrderBy('evidence.id', 'DESC')
      .limit(filter.limit + 1)
      .getRawAndEntities<{ cursor_at: string }>();
    return entities.map((evidence, index) => ({ evidence, cursorAt: raw[index].cursor_at }));
  }

  /**
   * Adds links (existing ones are kept):
   *   INSERT INTO commitment_evidence (commitment_id, evidence_id) SELECT unnest($1::uuid[]), $2
   *   ON CONFLICT DO NOTHING
   * A commitment or finding that does not exist fails the foreign key (23503).
   */
  async link(
    manager: EntityManager,
    evidenceId: string,
    targets: { commitmentIds: string[]; findingIds: string[] },
  ): Promise<void> {
    if (targets.commitmentIds.length) {
      await manager.query(
        `INSERT INTO commitment_evidence (commitment_id, evidence_id)
         SELECT DISTINCT unnest($1::uuid[]), $2::uuid ON CONFLICT DO NOTHING`,
        [targets.commitmentIds, evidenceId],
      );
    }
    if (targets.findingIds.length) {
      await manager.query(
        `INSERT INTO finding_evidence (finding_id, evidence_id)
         SELECT DISTINCT unnest($1::uuid[]), $2::uuid ON CONFLICT DO NOTHING`,
        [targets.findingIds, evidenceId],
      );
    }
  }

  /**
   * Links many pieces of evidence to one commitment or finding:
   *   INSERT INTO <link table> (<owner>_id, evidence_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING
   */
  async attach(manager: EntityManager, owner: EvidenceOwner, ownerId: string, evidenceIds: string[]) {
    const { table, column } = LINK_TABLES[owner];
    await manager.query(
      `INSERT INTO ${table} (${column}, evidence_id)
       SELECT $1::uuid, evidence_id FROM (SELECT DISTINCT unnest($2::uuid[]) AS evidence_id) ids
       ON CONFLICT DO NOTHING`,
      [ownerId, evidenceIds],
    );
  }

  /**
   * Every piece of evidence a claim cites, whatever its status, oldest first, locked against a concurrent
   * review while the caller's transaction decides on the claim:
   *   SELECT evidence.* FROM evidence JOIN <link table> link ON ... WHERE link.<owner>_id = $1 FOR SHARE
   */
  citedBy(manager: EntityManager, owner: EvidenceOwner, ownerId: string): Promise<Evidence[]> {
    const { table, column } = LINK_TABLES[owner];
    return manager
      .getRepository(Evidence)
      .createQueryBuilder('evidence')
      .innerJoin(table, 'link', 'link.evidence_id = evidence.id')
      .where(`link.${column} = :ownerId`, { ownerId })
      .orderBy('evidence.created_at', 'ASC')
      .addOrderBy('evidence.id', 'ASC')
      .setLock('pessimistic_read')
      .getMany();
  }

  /**
   * The evidence behind many commitments or findings at once, in one query, limited to statuses:
   *   SELECT link.<owner>_id AS owner_id, evidence.* FROM <link table> link JOIN evidence ON ...
   *   WHERE link.<owner>_id = ANY($1) AND evidence.status = ANY($2) ORDER BY evidence.created_at, evidence.id
   */
  async linkedTo(
    owner: EvidenceOwner,
    ownerIds: string[],
    statuses: ReviewStatus[],
  ): Promise<Map<string, Evidence[]>> {
    const byOwner = new Map<string, Evidence[]>();
    if (!ownerIds.length) return byOwner;
    const { table, column } = LINK_TABLES[owner];
    // One row per link; the entities come back once per piece of evidence, so rows are matched by id.
    const { entities, raw } = await this.dataSource
      .getRepository(Evidence)
      .createQueryBuilder('evidence')
      .innerJoin(table, 'link', 'link.evidence_id = evidence.id')
      .addSelect(`link.${column}`, 'owner_id')
      .where(`link.${column} = ANY(:ownerIds::uuid[])`, { ownerIds })
      .andWhere('evidence.status = ANY(:statuses::text[])', { statuses })
      .orderBy('evidence.created_at', 'ASC')
      .addOrderBy('evidence.id', 'ASC')
      .getRawAndEntities<{ owner_id: string; evidence_id: string }>();
    const byId = new Map(entities.map((item) => [item.id, item]));
    for (const row of raw) {
      const item = byId.get(row.evidence_id);
      if (!item) continue;
      const list = byOwner.get(row.owner_id);
      if (list) list.push(item);
      else byOwner.set(row.owner_id, [item]);
    }
    return byOwner;
  }
}
