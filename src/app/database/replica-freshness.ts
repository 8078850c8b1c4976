import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { ReadRouting } from '../../platform/database/read-replica/read-routing';
import { PublicDataVersion } from '../../public/cache/public-data-version';

const POLL_MS = 20;
const RETRY_MS = 1000;

/**
 * Keeps the replica out of public reads while it may be older than the public data version this process
 * serves. On every version change (PublicDataVersion.onChange runs before any cache uses the new version) the
 * replica is distrusted at once; then the primary's WAL position is read, and the replica is trusted again when
 * it has replayed past it. A change while catching up starts over; while the version is unknown (not listening
 * to the primary) the replica stays distrusted, and so does it while it cannot be reached.
 */
@Injectable()
export class ReplicaFreshness implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReplicaFreshness.name);
  // One connection, queued: a superseded catch-up may still be asking when the next one starts.
  private replica?: Pool;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly routing: ReadRouting,
    private readonly version: PublicDataVersion,
    @InjectDataSource() private readonly primary: DataSource,
  ) {}

  onModuleInit(): void {
    if (!this.routing.replicaConfigured) return;
    const follow = (version: string | null) => {
      const generation = this.routing.distrust();
      if (version !== null) void this.catchUp(generation);
    };
    this.version.onChange(follow);
    // The version may already be known if its connection won the race with this hook.
    if (this.version.current() !== null) follow(this.version.current());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.replica?.end().catch(() => undefined);
  }

  private async catchUp(generation: number): Promise<void> {
    while (!this.stopped) {
      try {
        // Read on the primary (no public-read context here): every commit the new version stands for is before it.
        const [{ lsn }] = await this.primary.query<{ lsn: string }[]>(
          'SELECT pg_current_wal_lsn()::text AS lsn',
        );
        for (;;) {
          if (this.stopped) return;
          if (await this.replayedPast(lsn)) {
            this.routing.trust(generation);
            return;
          }
          // A newer change has its own catch-up; this one has nothing left to do.
          if (this.routing.distrustedSince(generation)) return;
          await sleep(POLL_MS);
        }
      } catch (error: unknown) {
        if (this.routing.distrustedSince(generation)) return;
        this.logger.warn(`Replica not usable for public reads (${String(error)}); reading from the primary`);
        await sleep(RETRY_MS);
      }
    }
  }

  private async replayedPast(lsn: string): Promise<boolean> {
    if (!this.replica) {
      this.replica = new Pool({
        connectionString: this.config.databaseReadUrl ?? '',
        application_name: 'replica-lag',
        max: 1,
        connectionTimeoutMillis: 5000,
      });
      this.replica.on('error', () => undefined);
    }
    // A server that is not in recovery is a primary itself: nothing to wait for.
    const { rows } = await this.replica.query<{ caught_up: boolean }>(
      'SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up',
      [lsn],
    );
    return rows[0].caught_up;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
