import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Pledgewatch-Signature';
export const TIMESTAMP_HEADER = 'X-Pledgewatch-Timestamp';
export const DELIVERY_HEADER = 'X-Pledgewatch-Delivery';

/**
 * `sha256=<hex>`: HMAC-SHA256 of the raw body with the webhook's secret, as GitHub signs its webhooks. The
 * body carries the same timestamp as the header, so the signature covers it and receivers can refuse
 * replays of old deliveries.
 */
export function signWebhookBody(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** For receivers (and tests): constant-time comparison of a received signature header. */
export function isValidWebhookSignature(secret: string, rawBody: string | Buffer, header: string): boolean {
  const expected = Buffer.from(signWebhookBody(secret, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
