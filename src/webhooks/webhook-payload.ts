import type { FlagNotice } from './flag-notice';
import type { WatchBlockedNotice } from './watch-blocked-notice';

/**
 * The JSON body: `text` is what Slack, Mattermost, Rocket.Chat and Teams-style incoming webhooks post as a
 * message; the other fields are for automations that want the flag's details without parsing prose.
 */
export interface WebhookBody {
  text: string;
  event: 'flag.raised' | 'screening.listed_supplier';
  deliveryId: string;
  timestamp: string;
  flagId: string;
  significance: FlagNotice['significance'];
  brand: FlagNotice['brand'];
  url: string;
  terms: string[];
  summary: string | null;
  reviewUrl: string | null;
  raisedAt: string;
}

export function webhookBody(notice: FlagNotice, deliveryId: string, timestamp: Date): WebhookBody {
  return {
    text: notice.kind === 'listed_supplier' ? listedSupplierText(notice) : messageText(notice),
    event: notice.kind === 'listed_supplier' ? 'screening.listed_supplier' : 'flag.raised',
    deliveryId,
    timestamp: timestamp.toISOString(),
    flagId: notice.flagId,
    significance: notice.significance,
    brand: notice.brand,
    url: notice.url,
    terms: notice.terms,
    summary: notice.summary ?? null,
    reviewUrl: notice.reviewUrl ?? null,
    raisedAt: notice.raisedAt,
  };
}

function messageText(notice: FlagNotice): string {
  const terms = notice.terms.length ? ` (terms: ${notice.terms.join(', ')})` : '';
  const lines = [
    `:rotating_light: ${capitalise(notice.significance)} change on ${notice.brand.name}'s page ${notice.url}${terms}`,
  ];
  if (notice.summary) lines.push(notice.summary);
  if (notice.reviewUrl) lines.push(`Review it: ${notice.reviewUrl}`);
  return lines.join('\n');
}

function listedSupplierText(notice: FlagNotice): string {
  const lines = [
    `:rotating_light: A supplier of ${notice.brand.name} is newly on an entity list (source: ${notice.url})`,
  ];
  if (notice.summary) lines.push(notice.summary);
  if (notice.reviewUrl) lines.push(`Review it: ${notice.reviewUrl}`);
  return lines.join('\n');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The body of a `watch.blocked` event: the watch, the vendor whose wall answered, since when. */
export interface WatchBlockedBody extends WatchBlockedNotice {
  text: string;
  event: 'watch.blocked';
  deliveryId: string;
  timestamp: string;
}

export function watchBlockedBody(
  notice: WatchBlockedNotice,
  deliveryId: string,
  timestamp: Date,
): WatchBlockedBody {
  const text =
    `:no_entry: ${notice.brand.name}'s page ${notice.url} has met a bot wall (${notice.vendor}) ` +
    `on ${notice.blockedChecks} checks in a row; its last good snapshot is kept. ${notice.reason}`;
  return { ...notice, text, event: 'watch.blocked', deliveryId, timestamp: timestamp.toISOString() };
}
