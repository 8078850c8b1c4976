import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Webhook } from '../webhook.entity';

export class WebhookView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) team!: string | null;
  @ApiProperty() url!: string;
  @ApiProperty() createdAt!: string;
}

/** Only the answer to POST /api/webhooks carries the secret; it is never shown again. */
export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ description: 'HMAC-SHA256 key of X-Pledgewatch-Signature; shown once' })
  secret!: string;
}

export function toWebhookView(webhook: Webhook): WebhookView {
  return {
    id: webhook.id,
    name: webhook.name,
    team: webhook.team,
    url: webhook.url,
    createdAt: webhook.createdAt.toISOString(),
  };
}
