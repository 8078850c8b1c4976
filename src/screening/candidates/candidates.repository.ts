import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CANDIDATE_TRIGRAM_THRESHOLD,
  ENTRIES_IN_FORCE_SQL,
  FACILITIES_BY_ID_SQL,
  PAIRS_FOR_ENTRIES_SQL,
  PAIRS_FOR_SUPPLIER_LIST_SQL,
} from './candidate-search.sql';
import { FINDING_CONTEXT_SQL } from './finding-context.sql';
import { CandidateState, ScreeningCandidate } from './screening-candidate.entity';

const INSERT_CHUNK = 1000;
/** Facilities are read for comparison in batches, never one query per pair. */
const READ_CHUNK = 5000;

export interface EntryRow {
  id: string;
  name: string;
  aliases: string[];
  name_zh: string | null;
  address: string | null;
  country: string | null;
  source_url: string | null;
  content_hash: string;
}

export interface FacilityRow {
  id: string;
  external_id: string;
  name: string;
  address: string | null;
  country: string | null;
  content_hash: string;
  brand_id: string;
}

export interface FindingContextRow {
  supplier_name: string;
  supplier_address: string | null;
  supplier_country: string | null;
  published_on: string;
  supplier_evidence_id: string | null;
  entity_name: string;
  entity_external_id: string;
  list_section: string | null;
  added_on: string | null;
  entry_evidence_id: string | null;
  list_slug: string;
  list_name: string;
}

export interface PairRow {
  facility_id: string;
  entry_id: string;
}

export type NewCandidate = Pick<
  ScreeningCandidate,
  | 'brandId'
  | 'facilityId'
  | 'supplierExternalId'
  | 'facilityHash'
  | 'entryId'
  | 'entryHash'
  | 'score'
  | 'decision'
  | 'reasons'
>;

/** The only door to the screening candidates and the trigram candidate search. */
@Injectable()
export class CandidatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  entriesInForce(manager: EntityManager, onDate: string): Promise<EntryRow[]> {
    return manager.query(ENTRIES_IN_FORCE_SQL, [onDate]);
  }

  async pairsForSupplierList(
    manager: EntityManager,
    supplierListId: string,
    supplierIds: string[] | null,
  ): Promise<PairRow[]> {
    await this.setThreshold(manager);
    return manager.query(PAIRS_FOR_SUPPLIER_LIST_SQL, [supplierListId, supplierIds]);
  }

  async pairsForEntries(manager: EntityManager, entryIds: string[]): Promise<PairRow[]> {
    await this.setThreshold(manager);
    return manager.query(PAIRS_FOR_ENTRIES_SQL, [entryIds]);
  }

  async facilities(manager: EntityManager, ids: string[]): Promise<FacilityRow[]> {
    const rows: FacilityRow[] = [];
    for (let start = 0; start < ids.length; start += READ_CHUNK) {
      rows.push(
        ...(await manager.query<FacilityRow[]>(FACILITIES_BY_ID_SQL, [ids.slice(start, start + READ_CHUNK)])),
      );
    }
    return rows;
  }

  /** Adds the candidates not seen before (same pair, same versions of both sides); returns those added. */
  async insertNew(manager: EntityManager, candidates: NewCandidate[]): Promise<ScreeningCandidate[]> {
    const added: ScreeningCandidate[] = [];
    for (let start = 0; start < candidates.length; start += INSERT_CHUNK) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(ScreeningCandidate)
        .values(candidates.slice(start, start + INSERT_CHUNK))
        .orIgnore()
        .returning('*')
        .execute();
      added.push(
        ...(result.raw as Record<string, unknown>[]).map((raw) =>
          manager.create(ScreeningCandidate, fromRaw(raw)),
        ),
      );
    }
    return added;
  }

  private async setThreshold(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
      String(CANDIDATE_TRIGRAM_THRESHOLD),
    ]);
  }

  /** One page of the queue in a state, oldest first, keyset on (created_at, id) (idx_screening_candidates_queue). */
  async page(
    state: CandidateState,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<Array<{ candidate: ScreeningCandidate; cursorAt: string }>> {
    const query = this.dataSource
      .getRepository(ScreeningCandidate)
      .createQueryBuilder('candidate')
      .where('candidate.state = :state', { state });
    if (after) query.andWhere('(candidate.created_at, candidate.id) > (:at::timestamptz, :id::uuid)', after);
    // created_at to the microsecond for the cursor: one screening inserts many rows with the same now().
    const { entities, raw } = await query
      .innerJoinAndSelect('candidate.facility', 'facility')
      .innerJoinAndSelect('candidate.entry', 'entry')
      .addSelect(
        `to_char(candidate.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        'cursor_at',
      )
      .orderBy('candidate.created_at', 'ASC')
      .addOrderBy('candidate.id', 'ASC')
      .limit(limit + 1)
      .getRawAndEntities<{ cursor_at: string }>();
    return entities.map((candidate, index) => ({ candidate, cursorAt: raw[index].cursor_at }));
  }

  /** The candidate, locked for a decision within the caller's transaction. */
  lockedById(manager: EntityManager, id: string): Promise<ScreeningCandidate | null> {
    return manager
      .getRepository(ScreeningCandidate)
      .createQueryBuilder('candidate')
      .setLock('pessimistic_write')
      .where('candidate.id = :id', { id })
      .getOne();
  }

  /** What a finding made from the candidate cites: the facility, its list version, the entry and its list. */
  async findingContext(manager: EntityManager, candidate: ScreeningCandidate): Promise<FindingContextRow> {
    const [row] = await manager.query<FindingContextRow[]>(FINDING_CONTEXT_SQL, [
      candidate.facilityId,
      candidate.entryId,
    ]);
    return row;
  }

  async save(manager: EntityManager, candidate: ScreeningCandidate): Promise<ScreeningCandidate> {
    return manager.getRepository(ScreeningCandidate).save(candidate);
  }
}

/** `RETURNING *` gives column names; the entity wants its properties. */
function fromRaw(raw: Record<string, unknown>): Partial<ScreeningCandidate> {
  return {
    id: raw.id as string,
    brandId: raw.brand_id as string,
    facilityId: raw.facility_id as string,
    supplierExternalId: raw.supplier_external_id as string,
    facilityHash: raw.facility_hash as string,
    entryId: raw.entry_id as string,
    entryHash: raw.entry_hash as string,
    score: raw.score as number,
    decision: raw.decision as 'match' | 'possible',
    reasons: raw.reasons as string[],
    state: raw.state as CandidateState,
    createdAt: raw.created_at as Date,
  };
}
