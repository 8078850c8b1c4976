import type { EntityManager } from 'typeorm';
import type { FlagNotice } from './flag-notice';

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

export function deliveryJobId(webhookId: string, flagId: string): string {
  return `webhook:${webhookId}:${flagId}`;
}
