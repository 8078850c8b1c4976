import { Injectable } from '@nestjs/common';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { CommitmentsService } from '../../claims/commitments/commitments.service';
import type { CommitmentType } from '../../kernel/as-of/commitment-type';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import type { Page } from '../../platform/pagination/page';
import { SnapshotsService } from '../../monitoring/checks/snapshots.service';
import type { FlagDetailView } from '../../monitoring/dto/flag.view';
import type { ListFlagsQueryDto } from '../../monitoring/dto/list-flags-query.dto';
import { FlagsService } from '../../monitoring/flags/flags.service';
import { diffTexts, type DiffRow } from './text-diff';

/** A flag with everything a reviewer needs to decide on it without leaving the queue. */
export interface FlagCard {
  flag: FlagDetailView;
  brand: { slug: string; name: string } | null;
  /** The page's title as the monitor last read it, else its URL. */
  pageName: string;
  /** Side-by-side rows from the two snapshots' texts; null when one side has no text (page gone). */
  rows: DiffRow[] | null;
  /** The brand's statements in force today, own and group's: what a new draft may supersede or retract. */
  standing: StandingStatement[];
}

export interface StandingStatement {
  id: string;
  type: CommitmentType;
  summary: string;
  effectiveOn: string;
}

/** Flags shown per page of the triage queue: each carries a diff and two screenshots. */
export const FLAGS_PER_PAGE = 10;

@Injectable()
export class FlagQueueService {
  constructor(
    private readonly flags: FlagsService,
    private readonly snapshots: SnapshotsService,
    private readonly brands: BrandsService,
    private readonly commitments: CommitmentsService,
  ) {}

  async page(query: ListFlagsQueryDto): Promise<Page<FlagCard>> {
    const page = await this.flags.listWithDetails({ ...query, limit: FLAGS_PER_PAGE });
    return { items: await this.cards(page.items), nextCursor: page.nextCursor };
  }

  async one(id: string): Promise<FlagCard> {
    const [card] = await this.cards([await this.flags.get(id)]);
    return card;
  }

  /** Open flags in all, for the queue's tab (counted from the list, capped at one page of 200). */
  async openCount(): Promise<number> {
    const page = await this.flags.list({ status: 'open', limit: 200 });
    return page.items.length;
  }

  /**
   * Cards for a page of flags: their brands in one query, the texts of both sides in two, and the standing
   * statements of each brand on the page with an open flag (one query per brand, a page shows ten flags).
   */
  private async cards(details: FlagDetailView[]): Promise<FlagCard[]> {
    const openBrands = [...new Set(details.filter((f) => f.status === 'open').map((f) => f.brandId))];
    const [brandList, texts, standingByBrand] = await Promise.all([
      this.brands.findByIds(details.map((flag) => flag.brandId)),
      this.snapshots.texts(
        details.flatMap((flag) =>
          flag.oldSnapshotId && flag.newSnapshotId ? [flag.oldSnapshotId, flag.newSnapshotId] : [],
        ),
      ),
      Promise.all(openBrands.map(async (brandId) => [brandId, await this.standing(brandId)] as const)),
    ]);
    const standing = new Map(standingByBrand);
    const brands = new Map(brandList.map((brand) => [brand.id, brand]));
    const text = (id: string): string => {
      const found = texts.get(id);
      if (found === undefined) throw new DomainError(DomainErrorCode.NotFound, `Snapshot ${id} has no text`);
      return found;
    };
    return details.map((flag) => {
      const brand = brands.get(flag.brandId);
      return {
        flag,
        brand: brand ? { slug: brand.slug, name: brand.name } : null,
        pageName: flag.newSnapshot?.title || flag.oldSnapshot?.title || flag.url,
        // Side-by-side rows need both texts; a page-gone flag has only one side.
        rows:
          flag.oldSnapshotId && flag.newSnapshotId
            ? diffTexts(text(flag.oldSnapshotId), text(flag.newSnapshotId))
            : null,
        standing: standing.get(flag.brandId) ?? [],
      };
    });
  }

  private async standing(brandId: string): Promise<StandingStatement[]> {
    const standing = await this.commitments.standingForBrand(brandId);
    return standing.map((row) => ({
      id: row.id,
      type: row.type,
      summary: row.summary,
      effectiveOn: row.effective_on,
    }));
  }
}
