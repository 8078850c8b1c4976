import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { recordFlagForWebhooks } from '../../webhooks/webhook-outbox';
import type { ScreeningCandidate } from '../candidates/screening-candidate.entity';
import {
  badCursor,
  CURSOR_TIMESTAMP,
  CURSOR_UUID,
  decodeCursor,
  encodeCursor,
} from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, type Page, toPage } from '../../platform/pagination/page';
import { type ScreeningFlagView, toScreeningFlagView } from '../dto/screening-flag.view';
import { ScreeningFlag, type FlaggedSupplier } from './screening-flag.entity';
import { ScreeningFlagsRepository } from './screening-flags.repository';

/** What a flag names beyond the candidates: the entry's name and source, the suppliers' names. */
export interface FlagFacts {
  entries: Map<string, { name: string; sourceUrl: string | null }>;
  supplierNames: Map<string, string>;
}

/**
 * Raises one flag per brand and new entry from the candidates a new listing produced, inside the screening's
 * transaction, with the webhook deliveries of the major ones (the webhooks' outbox: the worker's reconcile
 * pass sends them). The same brand and entry never get a second flag.
 */
@Injectable()
export class ScreeningFlags {
  constructor(
    private readonly brands: BrandsService,
    private readonly flags: ScreeningFlagsRepository,
  ) {}

  async list(cursor: string | undefined, limit = DEFAULT_PAGE_SIZE): Promise<Page<ScreeningFlagView>> {
    let before: { at: string; id: string } | null = null;
    if (cursor) {
      before = decodeCursor(cursor, ['at', 'id'] as const);
      if (!CURSOR_TIMESTAMP.test(before.at) || !CURSOR_UUID.test(before.id)) throw badCursor();
    }
    const rows = await this.flags.page(before, limit);
    return toPage(
      rows,
      limit,
      (row) => encodeCursor({ at: row.cursorAt, id: row.flag.id }),
      (row) => toScreeningFlagView(row.flag),
    );
  }

  async raise(
    manager: EntityManager,
    candidates: ScreeningCandidate[],
    facts: FlagFacts,
  ): Promise<ScreeningFlag[]> {
    const groups = new Map<string, ScreeningCandidate[]>();
    for (const candidate of candidates) {
      const key = `${candidate.brandId}:${candidate.entryId}`;
      groups.set(key, [...(groups.get(key) ?? []), candidate]);
    }
    if (!groups.size) return [];
    const brands = new Map(
      (await this.brands.findByIds(candidates.map((candidate) => candidate.brandId))).map((brand) => [
        brand.id,
        brand,
      ]),
    );
    const raised: ScreeningFlag[] = [];
    for (const group of groups.values()) {
      const { brandId, entryId } = group[0];
      const suppliers: FlaggedSupplier[] = group.map((candidate) => ({
        id: candidate.supplierExternalId,
        name: facts.supplierNames.get(candidate.facilityId) ?? candidate.supplierExternalId,
        candidateId: candidate.id,
        decision: candidate.decision,
      }));
      const significance = suppliers.some((supplier) => supplier.decision === 'match') ? 'major' : 'minor';
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ScreeningFlag)
        .values({ brandId, entryId, significance, suppliers })
        .orIgnore()
        .returning(['id', 'createdAt'])
        .execute();
      const row = (inserted.raw as Array<{ id: string; created_at: Date }>)[0];
      if (!row) continue;
      const flag = manager.create(ScreeningFlag, { id: row.id, brandId, entryId, significance, suppliers });
      const brand = brands.get(brandId);
      const entry = facts.entries.get(entryId);
      await recordFlagForWebhooks(manager, {
        kind: 'listed_supplier',
        flagId: row.id,
        significance,
        brand: { slug: brand?.slug ?? '', name: brand?.name ?? '' },
        url: entry?.sourceUrl ?? '',
        terms: [],
        summary: `${suppliers.map((supplier) => `"${supplier.name}" (${supplier.decision})`).join(', ')} looks like "${entry?.name ?? entryId}", newly listed`,
        raisedAt: new Date(row.created_at).toISOString(),
      });
      raised.push(flag);
    }
    return raised;
  }
}
