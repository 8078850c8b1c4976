import type { EntityManager } from 'typeorm';
import type { FlagNotice } from '../../webhooks/flag-notice';

/**
 * Optional hook told about every new flag inside the transaction that raised it (the webhooks outbox
 * provides it from a global module). Without a provider, flags are simply not announced.
 */
export const FLAG_ANNOUNCER = Symbol('FLAG_ANNOUNCER');

export interface FlagAnnouncer {
  announce(manager: EntityManager, notice: FlagNotice): Promise<void>;
}
