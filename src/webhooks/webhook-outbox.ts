import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { FlagNotice } from './flag-notice';
import type { WatchBlockedNotice } from './watch-blocked-notice';

/**
 * Call inside the transaction that inserts the flag: records one pending delivery per webhook for a major
 * flag (minor flags are for the review queue only). The rows are the outbox: after the commit,
 * `WebhookScheduler.enqueueForFlag(flagId)` enqueues them, and the reconcile pass does so if that is lost.
 * Returns how many deliveries were recorded; announcing the same flag twice records nothing new.
 */
export async function recordFlagForWebhooks(manager: EntityManager, notice: FlagNotice): Promise<number> {
  if (notice.significance !== 'major') return 0;
  const inserted = await manager.query<Array<{ id: string }>>(
    `INSERT INTO webhook_deliveries (webhook_id, flag_id, notice)
     SELECT id, $1::uuid, $2::jsonb FROM webhooks
     ON CONFLICT (webhook_id, flag_id) DO NOTHING
     RETURNING id`,
    [notice.flagId, JSON.stringify(notice)],
  );
  return inserted.length;
}

/**
 * Call inside the transaction that marks a watch blocked: one pending `watch.blocked` delivery per webhook,
 * all under one new announcement id, which is returned for `WebhookScheduler.enqueueForFlag` after the commit.
 */
export async function recordWatchBlockedForWebhooks(
  manager: EntityManager,
  notice: WatchBlockedNotice,
): Promise<string> {
  const announcementId = randomUUID();
  await manager.query(
    `INSERT INTO webhook_deliveries (webhook_id, flag_id, event, notice)
     SELECT id, $1::uuid, 'watch.blocked', $2::jsonb FROM webhooks`,
    [announcementId, JSON.stringify(notice)],
  );
  return announcementId;
}

export function deliveryJobId(webhookId: string, flagId: string): string {
  return `webhook:${webhookId}:${flagId}`;
}
