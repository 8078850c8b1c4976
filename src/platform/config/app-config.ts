import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvironmentVariables } from './environment-variables';

/** The settings every part of the app reads; built once at boot from the validated environment. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  /** A streaming replica for anonymous public reads, or null: every query on the primary. */
  databaseReadUrl: string | null;
  redisUrl: string;
  queuePrefix: string;
  chromiumPath: string;
  fetchAllowlist: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  workerConcurrency: number;
  workerHeartbeatStaleSeconds: number;
  monitoring: MonitoringSettings;
  archiving: ArchivingSettings;
  /** Signs session cookies and CSRF tokens; secret. */
  sessionSecret: string;
  /** Whether cookies are marked Secure (set when the app is served over https); also turns on HSTS. */
  secureCookies: boolean;
  /** Proxy hops to trust for X-Forwarded-For/-Proto (Express's `trust proxy`), or false. */
  trustProxy: number | false;
  seedDemoData: boolean;
  /** The public origin, e.g. `https://pledgewatch.example.org` (no trailing slash): the base of every absolute link. */
  publicUrl: string;
}

/** The watch pipeline's knobs (docs/monitoring.md). */
export interface MonitoringSettings {
  hostConcurrency: number;
  hostMinDelayMs: number;
  reconcileIntervalMs: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  unhealthyAfterFailures: number;
  /** Consecutive bot-walled checks that mark a watch blocked. */
  blockedAfterChecks: number;
  /** How long one minute of a watch's interval lasts (60000 except in tests). */
  minuteMs: number;
}

/** Evidence captures, link health and webhooks (docs/archiving.md). */
export interface ArchivingSettings {
  /** How often each worker re-enqueues pending captures and deliveries and restores the link sweep. */
  reconcileIntervalMs: number;
  /** How long after a check (or the original capture) an evidence URL is checked again. */
  linkCheckIntervalHours: number;
  /** How often the sweep looks for link checks that are due. */
  linkSweepIntervalMinutes: number;
}

/** A configuration error; its message is one line naming the variable and what was expected. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = plainToInstance(EnvironmentVariables, withoutEmptyValues(env), { exposeDefaultValues: true });
  const [firstError] = validateSync(raw, { whitelist: true, stopAtFirstError: true });
  if (firstError) {
    const reason = Object.values(firstError.constraints ?? {})[0] ?? 'is invalid';
    const given = describeGivenValue(firstError.property, env[firstError.property]);
    throw new ConfigError(`Invalid environment variable ${firstError.property}${given}: ${reason}`);
  }
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    databaseUrl: raw.DATABASE_URL,
    databaseReadUrl: raw.DATABASE_READ_URL ?? null,
    redisUrl: raw.REDIS_URL,
    queuePrefix: raw.QUEUE_PREFIX,
    chromiumPath: raw.CHROMIUM_PATH,
    fetchAllowlist: raw.FETCH_ALLOWLIST,
    logLevel: raw.LOG_LEVEL,
    workerConcurrency: raw.WORKER_CONCURRENCY,
    workerHeartbeatStaleSeconds: raw.WORKER_HEARTBEAT_STALE_SECONDS,
    monitoring: {
      hostConcurrency: raw.MONITORING_HOST_CONCURRENCY,
      hostMinDelayMs: raw.MONITORING_HOST_MIN_DELAY_MS,
      reconcileIntervalMs: raw.MONITORING_RECONCILE_INTERVAL_SECONDS * 1000,
      lockDurationMs: raw.MONITORING_LOCK_DURATION_MS,
      stalledIntervalMs: raw.MONITORING_STALLED_INTERVAL_MS,
      unhealthyAfterFailures: raw.MONITORING_UNHEALTHY_AFTER_FAILURES,
      blockedAfterChecks: raw.MONITORING_BLOCKED_AFTER_CHECKS,
      minuteMs: raw.MONITORING_MINUTE_MS,
    },
    archiving: {
      reconcileIntervalMs: raw.ARCHIVE_RECONCILE_INTERVAL_SECONDS * 1000,
      linkCheckIntervalHours: raw.LINK_CHECK_INTERVAL_HOURS,
      linkSweepIntervalMinutes: raw.LINK_SWEEP_INTERVAL_MINUTES,
    },
    sessionSecret: raw.SESSION_SECRET,
    secureCookies: raw.SECURE_COOKIES,
    trustProxy: raw.TRUST_PROXY,
    seedDemoData: raw.SEED_DEMO_DATA,
    publicUrl: new URL(raw.PUBLIC_URL).origin,
  };
}

/** `PORT=` (set but empty) means "use the default", as most tools read it. */
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/** Echo what was given so the fix is obvious, but never a secret or a password inside a URL. */
function describeGivenValue(name: string, value: string | undefined): string {
  if (value === undefined || SECRET_VARIABLES.has(name)) return '';
  return `=${JSON.stringify(value.replace(/\/\/[^@/]*@/, '//***@'))}`;
}

const SECRET_VARIABLES = new Set(['SESSION_SECRET']);
