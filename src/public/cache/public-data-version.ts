import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';

/** The channel the public_data_version trigger notifies (migrations/1763810000000-PublicDataVersion.ts). */
export const PUBLIC_DATA_CHANNEL = 'public_data_version';
const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * This process's view of the public data version. A dedicated Postgres connection LISTENs for the trigger's
 * NOTIFY; the version is only trusted while that connection is up. While it is down (start-up, Postgres
 * restart), `current()` is null and callers must bypass every cache: a missed notification would otherwise
 * serve stale verified data. On every (re)connection we LISTEN first and read the version second, so no
 * commit can fall between the two.
 */
@Injectable()
export class PublicDataVersion implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PublicDataVersion.name);
  private client?: Client;
  private version: string | null = null;
  private stopped = false;
  private reconnectAttempt = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly listeners = new Set<(version: string | null) => void>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.set(null);
    await this.client?.end().catch(() => undefined);
  }

  /** The version, or null while we are not listening (then nothing may be served from a cache). */
  current(): string | null {
    return this.version;
  }

  /** Called whenever the version changes or listening stops (null). */
  onChange(listener: (version: string | null) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Re-reads the version on the listening connection. A write answered by this process calls it before the
   * response leaves, so the writer's next read never races the NOTIFY (read-your-writes).
   */
  async refresh(): Promise<void> {
    const client = this.client;
    if (!client || this.version === null) return;
    try {
      await this.readVersion(client);
    } catch (error: unknown) {
      this.lost(client, error);
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'public-cache',
    });
    this.client = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === PUBLIC_DATA_CHANNEL && message.payload) this.advance(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_DATA_CHANNEL}`);
      await this.readVersion(client);
      this.reconnectAttempt = 0;
    } catch (error: unknown) {
      this.lost(client, error);
    }
  }

  private async readVersion(client: Client): Promise<void> {
    const { rows } = await client.query<{ version: string }>(
      'SELECT version::text AS version FROM public_data_version WHERE id = 1',
    );
    if (this.client === client && rows[0]) this.advance(rows[0].version, true);
  }

  /** Versions only move forward; notifications may arrive after a re-read that already saw them. */
  private advance(version: string, force = false): void {
    if (!/^\d+$/.test(version)) return;
    if (!force && this.version === null) return;
    if (this.version !== null && BigInt(version) <= BigInt(this.version)) return;
    this.set(version);
  }

  private set(version: string | null): void {
    if (version === this.version) return;
    this.version = version;
    for (const listener of this.listeners) listener(version);
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.set(null);
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = Math.min(100 * 2 ** this.reconnectAttempt++, MAX_RECONNECT_DELAY_MS);
    this.logger.warn(`Not listening for public data changes (${String(error)}); caches bypassed, retrying`);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }
}
