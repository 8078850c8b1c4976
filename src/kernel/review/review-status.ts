/** Verification status of every reviewable record (DESIGN.md, after Wikirate and Open Supply Hub). */
export enum ReviewStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  Verified = 'verified',
  Rejected = 'rejected',
}

export const REVIEW_STATUSES = Object.values(ReviewStatus);

/** SQL list for CHECK constraints, kept next to the enum so they cannot drift apart. */
export const REVIEW_STATUS_SQL = REVIEW_STATUSES.map((status) => `'${status}'`).join(', ');
