import { cacheKey, etagFor } from '../../src/public/cache/cache-policy';
import { today } from '../../src/kernel/dates/today';
import { CHURN_TYPE, type PreparedClaim } from './churn-data';
import type { Read } from './churn-mix';

/** What the bench knew when a read started: the newest public data version and the claims verified by then. */
export interface Known {
  version: bigint;
  verifiedSeq: number;
}

export interface Verdict {
  stale: boolean;
  /** Why, for the first few printed. */
  reason?: string;
  /** The ETag came from no version near the known one (another keying scheme): only the content was checked. */
  unclassifiedEtag?: boolean;
  /** The read was about a brand whose claim was verified before it started, and its content was checked. */
  claimChecked?: boolean;
}

/** How far back an ETag is looked for among older versions before it is called unclassified. */
const OLDER_VERSIONS_SEARCHED = 200n;
/** A response may carry a version newer than the bench has read yet (the verify's answer is still on its way). */
const NEWER_VERSIONS_SEARCHED = 20n;

/**
 * The versions a read must reflect. A verification counts once its API response has returned (the reviewer has
 * seen it done): every read that starts later must show the claim (the scorecard JSON carries its id, the page
 * its summary, the list finds the brand under the claim's type, the facets count that type), and every public
 * copy must carry an ETag of a version at least as new as the one read from the primary by then.
 */
export class FreshnessBook {
  private version = 0n;
  /** `scorecardShowsClaim`: the methodology may leave a claim off the card (a group's denial, say); only a
   * card that shows it on the primary, read signed in right after the verify, must show it to the public. */
  private readonly verified = new Map<
    string,
    { claim: PreparedClaim; seq: number; scorecardShowsClaim: boolean }
  >();
  private seq = 0;

  known(): Known {
    return { version: this.version, verifiedSeq: this.seq };
  }

  /** Called when the verify's response has returned, with the version the primary holds after it. */
  recordVerified(claim: PreparedClaim, version: bigint, scorecardShowsClaim: boolean): void {
    this.verified.set(claim.brand.slug, { claim, seq: ++this.seq, scorecardShowsClaim });
    this.recordVersion(version);
  }

  recordVersion(version: bigint): void {
    if (version > this.version) this.version = version;
  }

  check(read: Read, known: Known, body: string, etag: string | undefined): Verdict {
    const entry = read.brand && this.verified.get(read.brand.slug);
    const claimChecked = Boolean(entry && entry.seq <= known.verifiedSeq && read.kind !== 'badge');
    const content = this.checkContent(read, known, body);
    if (content) return { stale: true, reason: content, claimChecked };
    if (!etag) return { stale: false, claimChecked };
    return { ...this.checkEtag(read.path, known.version, etag), claimChecked };
  }

  private checkContent(read: Read, known: Known, body: string): string | undefined {
    const entry = read.brand && this.verified.get(read.brand.slug);
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

  private checkEtag(path: string, version: bigint, etag: string): Verdict {
    const day = today();
    const matches = (candidate: bigint) =>
      etagFor(cacheKey(candidate.toString(), day, path), 'anonymous') === etag;
    for (let candidate = version; candidate <= this.version + NEWER_VERSIONS_SEARCHED; candidate++) {
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
