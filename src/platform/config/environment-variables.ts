import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsOptional,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

/**
 * Every environment variable the app reads, with its default. Documented in README.md and .env.example;
 * nothing outside src/platform/config reads process.env.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number from 1 to 65535' })
  @Min(1, { message: 'expected a whole number from 1 to 65535' })
  @Max(65535, { message: 'expected a whole number from 1 to 65535' })
  PORT = 3000;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'], {
    message: 'expected a URL like postgres://user@host:5432/database',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/pledgewatch';

  /** A streaming replica of DATABASE_URL for anonymous public reads (docs/deploy.md); unset: everything on the primary. */
  @IsOptional()
  @IsUrlWithProtocol(['postgres:', 'postgresql:'], {
    message: 'expected a URL like postgres://user@replica-host:5432/database',
  })
  DATABASE_READ_URL?: string;

  @IsUrlWithProtocol(['redis:', 'rediss:'], { message: 'expected a URL like redis://host:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'expected 1-64 letters, digits, "_" or "-"' })
  QUEUE_PREFIX = 'pledgewatch';

  @IsString()
  @MinLength(1, { message: 'expected the path of a Chromium executable' })
  CHROMIUM_PATH = '/usr/bin/chromium';

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)
      : value,
  )
  @Matches(HOST_PORT, { each: true, message: 'expected comma-separated host:port entries' })
  FETCH_ALLOWLIST: string[] = [];

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number from 1 to 64' })
  @Min(1, { message: 'expected a whole number from 1 to 64' })
  @Max(64, { message: 'expected a whole number from 1 to 64' })
  WORKER_CONCURRENCY = 4;

  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number of seconds from 5 to 3600' })
  @Min(5, { message: 'expected a whole number of seconds from 5 to 3600' })
  @Max(3600, { message: 'expected a whole number of seconds from 5 to 3600' })
  WORKER_HEARTBEAT_STALE_SECONDS = 30;

  /** Fetches one host may receive at once, across every worker (watch checks are polite to brands' sites). */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number from 1 to 64' })
  @Min(1, { message: 'expected a whole number from 1 to 64' })
  @Max(64, { message: 'expected a whole number from 1 to 64' })
  MONITORING_HOST_CONCURRENCY = 2;

  /** Milliseconds between the starts of two fetches from the same host, across every worker. */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number of milliseconds from 0 to 600000' })
  @Min(0, { message: 'expected a whole number of milliseconds from 0 to 600000' })
  @Max(600_000, { message: 'expected a whole number of milliseconds from 0 to 600000' })
  MONITORING_HOST_MIN_DELAY_MS = 2000;

  /** How often each worker makes Redis's watch schedules match Postgres (after Redis lost data, say). */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number of seconds from 1 to 3600' })
  @Min(1, { message: 'expected a whole number of seconds from 1 to 3600' })
  @Max(3600, { message: 'expected a whole number of seconds from 1 to 3600' })
  MONITORING_RECONCILE_INTERVAL_SECONDS = 60;

  /** BullMQ lock of a running check; a worker that dies loses its jobs to others once the lock expires. */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number of milliseconds from 500 to 600000' })
  @Min(500, { message: 'expected a whole number of milliseconds from 500 to 600000' })
  @Max(600_000, { message: 'expected a whole number of milliseconds from 500 to 600000' })
  MONITORING_LOCK_DURATION_MS = 30_000;

  /**
   * How often BullMQ looks for checks whose worker died (expired locks) and requeues them. Short next to the
   * lock (a cheap script per worker), so a killed check runs again within about one lock duration of the
   * kill rather than two (issue 15: 77 s with 30 s of each and a 2-minute host lease).
   */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number of milliseconds from 500 to 600000' })
  @Min(500, { message: 'expected a whole number of milliseconds from 500 to 600000' })
  @Max(600_000, { message: 'expected a whole number of milliseconds from 500 to 600000' })
  MONITORING_STALLED_INTERVAL_MS = 5_000;

  /** Consecutive failed checks after which a watch is reported unhealthy. */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number from 1 to 100' })
  @Min(1, { message: 'expected a whole number from 1 to 100' })
  @Max(100, { message: 'expected a whole number from 1 to 100' })
  MONITORING_UNHEALTHY_AFTER_FAILURES = 5;

  /** Consecutive checks answered by a bot wall after which a watch is marked blocked (issue 16). */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number from 1 to 100' })
  @Min(1, { message: 'expected a whole number from 1 to 100' })
  @Max(100, { message: 'expected a whole number from 1 to 100' })
  MONITORING_BLOCKED_AFTER_CHECKS = 3;

  /** Length in milliseconds of one minute of a watch's interval; only tests and demos shorten it. */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number of milliseconds from 100 to 60000' })
  @Min(100, { message: 'expected a whole number of milliseconds from 100 to 60000' })
  @Max(60_000, { message: 'expected a whole number of milliseconds from 100 to 60000' })
  MONITORING_MINUTE_MS = 60_000;

  /** How often each worker re-enqueues captures and webhook deliveries that Redis lost. */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number of seconds from 1 to 3600' })
  @Min(1, { message: 'expected a whole number of seconds from 1 to 3600' })
  @Max(3600, { message: 'expected a whole number of seconds from 1 to 3600' })
  ARCHIVE_RECONCILE_INTERVAL_SECONDS = 60;

  /** Hours between two re-checks of an evidence URL (168: weekly). */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number of hours from 1 to 8760' })
  @Min(1, { message: 'expected a whole number of hours from 1 to 8760' })
  @Max(8760, { message: 'expected a whole number of hours from 1 to 8760' })
  LINK_CHECK_INTERVAL_HOURS = 168;

  /** Minutes between two sweeps for due link checks. */
  @Transform(({ value }: { value: unknown }) => toInteger(value))
  @IsInt({ message: 'expected a whole number of minutes from 1 to 1440' })
  @Min(1, { message: 'expected a whole number of minutes from 1 to 1440' })
  @Max(1440, { message: 'expected a whole number of minutes from 1 to 1440' })
  LINK_SWEEP_INTERVAL_MINUTES = 60;

  /** The default is for a developer's machine only; production must set its own. */
  @IsString()
  @MinLength(16, { message: 'expected a secret of at least 16 characters' })
  SESSION_SECRET = 'development-only-session-secret-change-me';

  @Transform(({ value }: { value: unknown }) => toBoolean(value))
  @IsBoolean({ message: 'expected true or false' })
  SECURE_COOKIES = false;

  /**
   * How many reverse proxies (load balancers) stand in front of the API, or false when clients connect
   * directly. Express then takes the client's address from that many X-Forwarded-For hops, so per-address
   * rate limits (sign-in, exports) see each caller rather than the balancer, and https from X-Forwarded-Proto.
   * Never set it higher than the real number of proxies: a client could then forge its address.
   */
  @Transform(({ value }: { value: unknown }) => (value === 'false' ? false : toInteger(value)))
  @IsTrustProxy({ message: 'expected false or a whole number of proxy hops from 1 to 10' })
  TRUST_PROXY: number | false = false;

  /**
   * Where the public reaches this installation (scheme, host and port, no path): every absolute link we hand
   * out (feed ids and links, canonical and Open Graph URLs, export `page` links, OpenAPI `servers`) is built
   * from it, never from the request's Host header, which a client chooses.
   */
  @IsPublicOrigin({ message: 'expected an http(s) origin like https://pledgewatch.example.org, no path' })
  PUBLIC_URL = 'http://localhost:3000';

  /** Whether start-up loads the demo data from seeds/ into a database that has no brands yet. */
  @Transform(({ value }: { value: unknown }) => toBoolean(value))
  @IsBoolean({ message: 'expected true or false' })
  SEED_DEMO_DATA = true;
}

function toInteger(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}

function toBoolean(value: unknown): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

function IsTrustProxy(options: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTrustProxy',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          value === false || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10),
      },
    });
}

function IsPublicOrigin(options: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPublicOrigin',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return (
              (url.protocol === 'http:' || url.protocol === 'https:') &&
              !url.username &&
              !url.password &&
              url.pathname === '/' &&
              !url.search &&
              !url.hash
            );
          } catch {
            return false;
          }
        },
      },
    });
}

function IsUrlWithProtocol(protocols: string[], options: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isUrlWithProtocol',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return protocols.includes(url.protocol) && url.hostname.length > 0;
          } catch {
            return false;
          }
        },
      },
    });
}
