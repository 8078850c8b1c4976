import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { today } from '../../kernel/dates/today';
import { compareSupplierWithEntity, profileEntity, profileSupplier, type ProfiledEntity } from '../matching';
import {
  CandidatesRepository,
  type EntryRow,
  type NewCandidate,
  type PairRow,
} from './candidates.repository';
import type { ScreeningFlag } from '../flags/screening-flag.entity';
import { ScreeningFlags, type FlagFacts } from '../flags/screening-flags';
import type { ScreeningCandidate } from './screening-candidate.entity';

/**
 * Screens in Postgres: trigram similarity of match keys (pg_trgm) finds the pairs worth comparing, then each
 * pair is compared as the CLI compares (src/screening/matching). Only what changed is screened: a new
 * supplier-list version's new or changed suppliers, or a list's new or changed entries against each brand's
 * newest supplier list. Pairs already seen with the same versions of both sides are not added again.
 */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly flags: ScreeningFlags,
  ) {}

  /** `supplierIds` null: every facility of the version. Returns the candidates added. */
  screenSupplierList(supplierListId: string, supplierIds: string[] | null): Promise<ScreeningCandidate[]> {
    if (supplierIds && supplierIds.length === 0) return Promise.resolve([]);
    return this.candidates.transaction(async (manager) => {
      const pairs = await this.candidates.pairsForSupplierList(manager, supplierListId, supplierIds);
      return (await this.compareAndStore(manager, pairs)).added;
    });
  }

  /**
   * New or changed entries against every brand's newest supplier list; candidates of the entries in
   * `newlyListed` also raise a flag per brand and entry, in the same transaction. Returns what was added.
   */
  screenEntries(
    entryIds: string[],
    newlyListed: ReadonlySet<string> = new Set(),
  ): Promise<{ candidates: ScreeningCandidate[]; flags: ScreeningFlag[] }> {
    if (entryIds.length === 0) return Promise.resolve({ candidates: [], flags: [] });
    return this.candidates.transaction(async (manager) => {
      const { added, facts } = await this.compareAndStore(
        manager,
        await this.candidates.pairsForEntries(manager, entryIds),
      );
      const alerting = added.filter((candidate) => newlyListed.has(candidate.entryId));
      return { candidates: added, flags: await this.flags.raise(manager, alerting, facts) };
    });
  }

  private async compareAndStore(
    manager: EntityManager,
    pairs: PairRow[],
  ): Promise<{ added: ScreeningCandidate[]; facts: FlagFacts }> {
    const facts: FlagFacts = { entries: new Map(), supplierNames: new Map() };
    if (!pairs.length) return { added: [], facts };
    const entries = new Map<string, { row: EntryRow; profile: ProfiledEntity }>();
    for (const row of await this.candidates.entriesInForce(manager, today())) {
      const profile = profileEntity({
        id: row.id,
        name: row.name,
        aliases: row.aliases,
        nameZh: row.name_zh ?? undefined,
        address: row.address ?? undefined,
        country: row.country ?? undefined,
      });
      entries.set(row.id, { row, profile });
      facts.entries.set(row.id, { name: row.name, sourceUrl: row.source_url });
    }
    const entriesOf = new Map<string, string[]>();
    for (const pair of pairs)
      entriesOf.set(pair.facility_id, [...(entriesOf.get(pair.facility_id) ?? []), pair.entry_id]);
    const facilities = await this.candidates.facilities(manager, [...entriesOf.keys()]);
    const found: NewCandidate[] = [];
    for (const facility of facilities) {
      facts.supplierNames.set(facility.id, facility.name);
      const supplier = profileSupplier({
        id: facility.id,
        name: facility.name,
        address: facility.address ?? undefined,
        country: facility.country ?? undefined,
      });
      for (const entryId of entriesOf.get(facility.id) ?? []) {
        const entry = entries.get(entryId);
        const candidate = entry && compareSupplierWithEntity(supplier, entry.profile);
        if (!entry || !candidate) continue;
        found.push({
          brandId: facility.brand_id,
          facilityId: facility.id,
          supplierExternalId: facility.external_id,
          facilityHash: facility.content_hash,
          entryId: entry.row.id,
          entryHash: entry.row.content_hash,
          score: candidate.score,
          decision: candidate.decision,
          reasons: candidate.reasons,
        });
      }
    }
    return { added: await this.candidates.insertNew(manager, found), facts };
  }
}
