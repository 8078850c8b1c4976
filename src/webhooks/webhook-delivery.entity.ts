import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { FlagNotice } from './flag-notice';
import type { WatchBlockedNotice, WebhookEvent } from './watch-blocked-notice';
import { Webhook } from './webhook.entity';

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/**
 * The outbox of webhook deliveries: one row per (webhook, flag), written in the flag's own transaction, so a
 * flag raised while Redis is away is still announced once Redis is back (the reconcile pass enqueues it).
 */
@Entity('webhook_deliveries')
@Check('chk_webhook_deliveries_state', `state IN ('pending', 'delivered', 'failed')`)
@Check('chk_webhook_deliveries_event', `event IN ('flag.raised', 'watch.blocked')`)
@Index('uq_webhook_deliveries_flag', ['webhookId', 'flagId'], { unique: true })
@Index('idx_webhook_deliveries_pending', ['createdAt'], { where: `state = 'pending'` })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  webhookId!: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'fk_webhook_deliveries_webhook' })
  webhook?: Relation<Webhook>;

  /** The flag announced; for a `watch.blocked` event, the id of that announcement (one per blocked spell). */
  @Column({ type: 'uuid' })
  flagId!: string;

  @Column({ type: 'varchar', length: 32, default: 'flag.raised' })
  event!: WebhookEvent;

  /** What the event said when it happened; the body is built from it, so a retry sends the same words. */
  @Column({ type: 'jsonb' })
  notice!: FlagNotice | WatchBlockedNotice;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  state!: DeliveryState;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'integer', nullable: true })
  lastStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
