import { cacheKey, etagFor } from '../../src/public/cache/cache-policy';
import { AGGREGATE_SCOPE, scopeOf } from '../../src/public/cache/public-scope';
import { ScopeVersions } from '../../src/public/cache/scope-versions';
import { today } from '../../src/kernel/dates/today';
import { CHURN_TYPE, type PreparedClaim } from './churn-data';
import type { Read } from './churn-mix';

/**
 * What the bench knew when a read started: the version of the read's scope (its brand's, or the aggregate one
 * for lists and facets: src/public/cache/public-scope.ts) and the claims verified by then.
 */
export interface Known {
  version: bigint;
  verifiedSeq: number;
}

/** A snapshot of the primary's versions, as PublicDataVersion reads them (CHANGES_SINCE). */
export type VersionRows = ReadonlyArray<{ scope: string | null; version: string }>;

export interface Verdict {
  stale: boolean;
  /** Why, for the first few printed. */
  reason?: string;
  /** The ETag came from no version near the known one (another keying scheme): only the content was checked. */
  unclassifiedEtag?: boolean;
  /** The read was about a brand whose claim was verified before it started, and its content was checked. */
  claimChecked?: boolean;
}

interface VerifiedEntry {
  claim: PreparedClaim;
  seq: number;
  scorecardShowsClaim: boolean;
}

/** How far back an ETag is looked for among older versions before it is called unclassified. */
const OLDER_VERSIONS_SEARCHED = 200n;
/** A response may carry a version newer than the bench has read yet (the verify's answer is still on its way). */
const NEWER_VERSIONS_SEARCHED = 20n;

/**
 * The versions a read must reflect. A verification counts once its API response has returned (the reviewer has
 * seen it done): every read that starts later must show the claim (the scorecard JSON carries its id, the page
 * its summary, the list finds the brand under the claim's type, the facets count that type), and every public
 * copy must carry an ETag of a version of its scope at least as new as the one read from the primary by then.
 * The versions are kept by the app's own ScopeVersions, fed the same snapshots the app reads.
 */
export class FreshnessBook {
  private readonly versions = new ScopeVersions();
  /** The newest aggregate version read: the next snapshot asks only for what committed after it. */
  private readThrough = 0n;
  /** `scorecardShowsClaim`: the methodology may leave a claim off the card (a group's denial, say); only a
   * card that shows it on the primary, read signed in right after the verify, must show it to the public. */
  private readonly verified = new Map<string, VerifiedEntry>();
  private seq = 0;
  /** Per sector: how many brands its facets counted under CHURN_TYPE before any claim was verified. */
  private readonly sectorBase = new Map<string, number>();
  /** Per sector: the sequence numbers of the claims verified on its brands, in order. */
  private readonly verifiedInSector = new Map<string, number[]>();

  /** What a read of `path` must reflect, taken when it starts. */
  known(path: string): Known {
    return { version: BigInt(this.versions.versionOf(scopeOfRead(path))), verifiedSeq: this.seq };
  }

  /**
   * The newest aggregate version read: where the next snapshot starts (CHANGES_SINCE's parameter), and what
   * responses may carry versions up to a little past.
   */
  since(): bigint {
    return this.readThrough;
  }

  /** Called when the verify's response has returned, with the primary's versions read after it. */
  recordVerified(claim: PreparedClaim, rows: VersionRows, scorecardShowsClaim: boolean): void {
    this.recordVersions(rows);
    const seq = ++this.seq;
    this.verified.set(claim.brand.slug, { claim, seq, scorecardShowsClaim });
    // A brand counts once in a sector's facets, however often its sectors name it: the generator no longer
    // repeats a sector, but a kept template database may predate that.
    for (const sector of new Set(claim.sectors)) {
      const seqs = this.verifiedInSector.get(sector) ?? [];
      seqs.push(seq);
      this.verifiedInSector.set(sector, seqs);
    }
  }

  /**
   * A sector's facets body read before any verification: its count of CHURN_TYPE is the base each verified claim
   * on one of its brands adds one to (the claims' brands and groups had none of that type).
   */
  recordSectorBase(sector: string, facetsBody: string): void {
    this.sectorBase.set(sector, facetCount(facetsBody, CHURN_TYPE));
  }

  recordVersions(rows: VersionRows): void {
    const aggregate = rows.find((row) => row.scope === null)?.version ?? '0';
    const scopes = rows.flatMap((row) =>
      row.scope === null ? [] : [{ scope: row.scope, version: row.version }],
    );
    this.versions.load(aggregate, scopes);
    if (BigInt(aggregate) > this.readThrough) this.readThrough = BigInt(aggregate);
  }

  check(read: Read, known: Known, body: string, etag: string | undefined): Verdict {
    const entry = read.brand && this.verified.get(read.brand.slug);
    const sectorVerified =
      read.kind === 'sector facets' && read.sector ? this.verifiedIn(read.sector, known) : undefined;
    const claimChecked =
      Boolean(entry && entry.seq <= known.verifiedSeq && read.kind !== 'badge') ||
      (sectorVerified !== undefined && sectorVerified > 0);
    const content = this.checkContent(read, known, body, entry, sectorVerified);
    if (content) return { stale: true, reason: content, claimChecked };
    if (!etag) return { stale: false, claimChecked };
    return { ...this.checkEtag(read.path, known.version, etag), claimChecked };
  }

  /** `entry` is the read's brand's verified claim, `sectorVerified` the sector's count (sector facets only). */
  private checkContent(
    read: Read,
    known: Known,
    body: string,
    entry: VerifiedEntry | undefined,
    sectorVerified: number | undefined,
  ): string | undefined {
    if (read.kind === 'sector facets' && read.sector)
      return this.checkSectorFacets(read.sector, sectorVerified ?? 0, body);
    if (!entry || entry.seq > known.verifiedSeq) return undefined;
    const { claim } = entry;
    switch (read.kind) {
      case 'scorecard JSON':
        if (!entry.scorecardShowsClaim) return undefined;
        return body.includes(claim.id) ? undefined : `scorecard lacks verified claim ${claim.id}`;
      case 'brand page':
        return body.includes(claim.summary) ? undefined : `page lacks "${claim.summary}"`;
      case 'brand in list':
        return body.includes(`"slug":"${claim.brand.slug}"`) ? undefined : `list lacks ${claim.brand.slug}`;
      case 'brand facets':
        return facetCount(body, CHURN_TYPE) >= 1 ? undefined : `facets count no ${CHURN_TYPE}`;
      case 'badge':
      case 'sector list':
      case 'sector facets':
        return undefined;
    }
  }

  /** The sector's facets must count every claim on its brands verified before the read started. */
  private checkSectorFacets(sector: string, verified: number, body: string): string | undefined {
    const base = this.sectorBase.get(sector);
    if (base === undefined) return undefined;
    const counted = facetCount(body, CHURN_TYPE);
    return counted >= base + verified
      ? undefined
      : `${sector} facets count ${counted} of ${CHURN_TYPE}, ${base} + ${verified} verified were due`;
  }

  /** How many claims on the sector's brands were verified before the read started. */
  private verifiedIn(sector: string, known: Known): number {
    return (this.verifiedInSector.get(sector) ?? []).filter((seq) => seq <= known.verifiedSeq).length;
  }

  private checkEtag(path: string, version: bigint, etag: string): Verdict {
    const day = today();
    const matches = (candidate: bigint) =>
      etagFor(cacheKey(candidate.toString(), day, path), 'anonymous') === etag;
    for (let candidate = version; candidate <= this.since() + NEWER_VERSIONS_SEARCHED; candidate++) {
      if (matches(candidate)) return { stale: false };
    }
    for (
      let candidate = version - 1n;
      candidate >= 0n && candidate >= version - OLDER_VERSIONS_SEARCHED;
      candidate--
    ) {
      if (matches(candidate))
        return { stale: true, reason: `ETag of version ${candidate} after ${version} was known` };
    }
    return { stale: false, unclassifiedEtag: true };
  }
}

function facetCount(body: string, type: string): number {
  try {
    const facets = JSON.parse(body) as { commitment?: { types?: { value: string; count: number }[] } };
    return facets.commitment?.types?.find((entry) => entry.value === type)?.count ?? 0;
  } catch {
    return 0;
  }
}

/** The scope a read's URL is cached under (its path and, for a sector filter, its query). */
function scopeOfRead(url: string): string {
  const query = url.indexOf('?');
  return (
    (query === -1 ? scopeOf(url) : scopeOf(url.slice(0, query), url.slice(query + 1))) ?? AGGREGATE_SCOPE
  );
}
