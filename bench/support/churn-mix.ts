import { BENCH_SECTORS } from '../catalogue-data';
import { CHURN_TYPE, type ChurnBrand } from './churn-data';

export type ReadKind =
  | 'scorecard JSON'
  | 'brand page'
  | 'badge'
  | 'brand in list'
  | 'brand facets'
  | 'sector list'
  | 'sector facets';

export interface Read {
  kind: ReadKind;
  path: string;
  /** The brand the read is about; aggregate reads over a sector have none. */
  brand?: ChurnBrand;
  /** The sector a sector's list or facets is filtered by. */
  sector?: string;
}

/** Shares of the public read mix: brand pages and cards most, then the campaigner's list and facets. */
const MIX: [ReadKind, number][] = [
  ['scorecard JSON', 30],
  ['brand page', 25],
  ['badge', 15],
  ['brand in list', 10],
  ['brand facets', 8],
  ['sector list', 7],
  ['sector facets', 5],
];

/**
 * Zipf popularity (exponent 1): the most read brand is read about as often as the next 8% of the traffic, and
 * most of the 100k are read rarely, as on a day a report names a few well-known brands.
 */
class ZipfPicker<T> {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly items: readonly T[],
    exponent = 1,
  ) {
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let rank = 0; rank < items.length; rank++) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
  }

  pick(): T {
    const target = Math.random() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return this.items[low];
  }
}

type BrandKind = Exclude<ReadKind, 'sector list' | 'sector facets'>;
const BRAND_KINDS: BrandKind[] = ['scorecard JSON', 'brand page', 'badge', 'brand in list', 'brand facets'];

export class ReadMix {
  private readonly brands: ZipfPicker<ChurnBrand>;
  private readonly sectors = new ZipfPicker(BENCH_SECTORS);
  private readonly total = MIX.reduce((sum, [, share]) => sum + share, 0);

  constructor(private readonly ranked: ChurnBrand[]) {
    this.brands = new ZipfPicker(ranked);
  }

  /** Every read of the `count` most popular brands and of every sector: what a live site has in its cache. */
  head(count: number): Read[] {
    const sectors = BENCH_SECTORS.flatMap((sector) =>
      (['sector list', 'sector facets'] as const).map((kind) => this.sectorRead(kind, sector)),
    );
    const brands = this.ranked
      .slice(0, count)
      .flatMap((brand) => BRAND_KINDS.map((kind) => this.brandRead(kind, brand)));
    return [...sectors, ...brands];
  }

  next(): Read {
    let roll = Math.random() * this.total;
    const kind = (MIX.find(([, share]) => (roll -= share) < 0) ?? MIX[0])[0];
    return kind === 'sector list' || kind === 'sector facets' ? this.sectorRead(kind) : this.brandRead(kind);
  }

  private sectorRead(kind: 'sector list' | 'sector facets', sector = this.sectors.pick()): Read {
    return {
      kind,
      path: kind === 'sector list' ? `/api/brands?sector=${sector}` : `/api/brands/facets?sector=${sector}`,
      sector,
    };
  }

  private brandRead(kind: BrandKind, brand = this.brands.pick()): Read {
    const name = encodeURIComponent(brand.name);
    const paths: Record<typeof kind, string> = {
      'scorecard JSON': `/api/brands/${brand.slug}/scorecard`,
      'brand page': `/brands/${brand.slug}`,
      badge: `/badge/${brand.slug}.svg`,
      'brand in list': `/api/brands?q=${name}&commitment=${CHURN_TYPE}`,
      'brand facets': `/api/brands/facets?q=${name}`,
    };
    return { kind, path: paths[kind], brand };
  }
}
