import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { EVERY_SCOPE, parseNotification } from './public-scope';
import { ScopeVersions, type ScopeChange } from './scope-versions';

/** The channel the public-data trigger notifies (migrations/1796710000000-ScopedPublicVersions.ts). */
export const PUBLIC_DATA_CHANNEL = 'public_data_version';
const MAX_RECONNECT_DELAY_MS = 5000;

/** `version` is the aggregate version, null when listening stopped (then `change` is everything). */
export type VersionListener = (version: string | null, change: ScopeChange) => void;

/** Every version and scope committed after `$1`, in one snapshot (so in one statement). */
export const CHANGES_SINCE = `
  SELECT NULL AS scope, version::text AS version FROM public_data_version WHERE id = 1
  UNION ALL
  SELECT scope, version::text FROM public_scope_versions WHERE version > $1::bigint`;

/**
 * This process's view of the public data versions: the aggregate one and each scope's (see public-scope.ts and
 * ScopeVersions). A dedicated Postgres connection LISTENs for the trigger's NOTIFY; the versions are only
 * trusted while that connection is up. While it is down (start-up, Postgres restart), `current()` and
 * `versionOf()` are null and callers must bypass every cache: a missed notification would otherwise serve stale
 * verified data. On every (re)connection we LISTEN first and read the versions second, so no commit can fall
 * between the two. Reads ask only for what committed since the last read: versions commit in order (the
 * trigger's row lock), so a snapshot that saw version N holds every scope stamped N or less.
 */
@Injectable()
export class PublicDataVersion implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PublicDataVersion.name);
  private client?: Client;
  private readonly versions = new ScopeVersions();
  /** False while not listening: nothing is known then. */
  private listening = false;
  /** The aggregate version of the last read of the tables: the next read asks only for what came after. */
  private readThrough = '0';
  private stopped = false;
  private reconnectAttempt = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly listeners = new Set<VersionListener>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.stopListening();
    await this.client?.end().catch(() => undefined);
  }

  /**
   * The aggregate version (the newest commit this process has seen, what lists, facets, feed and exports are
   * keyed on), or null while we are not listening (then nothing may be served from a cache).
   */
  current(): string | null {
    return this.listening ? this.versions.current : null;
  }

  /** A scope's version (public-scope.ts), or null while we are not listening. */
  versionOf(scope: string): string | null {
    return this.listening ? this.versions.versionOf(scope) : null;
  }

  /**
   * Called synchronously whenever a version moves, before any cache can use it (nothing runs between the move
   * and the listeners), and with null when listening stops. `version` is the aggregate version; `change` says
   * which scopes moved (one commit's scopes may arrive in several notifications, each calling listeners).
   */
  onChange(listener: VersionListener): void {
    this.listeners.add(listener);
  }

  /**
   * Re-reads the version on the listening connection. A write answered by this process calls it before the
   * response leaves, so the writer's next read never races the NOTIFY (read-your-writes).
   */
  async refresh(): Promise<void> {
    const client = this.client;
    if (!client || !this.listening) return;
    try {
      await this.readVersions(client);
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
      if (message.channel === PUBLIC_DATA_CHANNEL && message.payload) this.notified(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_DATA_CHANNEL}`);
      await this.readVersions(client);
      this.reconnectAttempt = 0;
    } catch (error: unknown) {
      this.lost(client, error);
    }
  }

  private async readVersions(client: Client): Promise<void> {
    const since = this.readThrough;
    const { rows } = await client.query<{ scope: string | null; version: string }>(CHANGES_SINCE, [since]);
    if (this.client !== client) return;
    const aggregate = rows.find((row) => row.scope === null);
    if (!aggregate) return;
    const change = this.versions.load(
      aggregate.version,
      rows.flatMap((row) => (row.scope === null ? [] : [{ scope: row.scope, version: row.version }])),
    );
    if (BigInt(aggregate.version) > BigInt(this.readThrough)) this.readThrough = aggregate.version;
    // Listeners hear that listening resumed even when nothing moved while it was down.
    const resumed = !this.listening;
    this.listening = true;
    this.changed(change, resumed);
  }

  /** Notifications before the first read are ignored: that read sees their commits. */
  private notified(payload: string): void {
    const notification = parseNotification(payload);
    if (!notification || !this.listening) return;
    this.changed(this.versions.apply(notification.version, notification.scopes));
  }

  private changed(change: ScopeChange, always = false): void {
    if (change.length === 0 && !always) return;
    for (const listener of this.listeners) listener(this.versions.current, change);
  }

  private stopListening(): void {
    if (!this.listening) return;
    this.listening = false;
    for (const listener of this.listeners) listener(null, EVERY_SCOPE);
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.stopListening();
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = Math.min(100 * 2 ** this.reconnectAttempt++, MAX_RECONNECT_DELAY_MS);
    this.logger.warn(`Not listening for public data changes (${String(error)}); caches bypassed, retrying`);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }
}
