/**
 * What the monitor tells webhooks when a watch has been answered by bot walls for a run of checks (event
 * `watch.blocked`): an admin's matter, not a reviewer's, so it is not a flag.
 */
export interface WatchBlockedNotice {
  watchId: string;
  brand: { slug: string; name: string };
  url: string;
  /** The protection vendor whose wall answered last (cloudflare, akamai, ..., rate_limit, generic). */
  vendor: string;
  /** Why the last check was judged a wall. */
  reason: string;
  /** Checks in a row that met a wall. */
  blockedChecks: number;
  blockedSince: string;
}

export const WEBHOOK_EVENTS = ['flag.raised', 'watch.blocked'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
