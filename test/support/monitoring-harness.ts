import { DataSource } from 'typeorm';
import { Role } from '../../src/identity/auth/role.enum';
import { ScheduleService } from '../../src/monitoring/schedule/schedule.service';
import { createUser, type TestUser } from './auth';
import { CatalogueFactory, unique } from './factories';
import { FixtureServer } from './fixture-server';
import { startTestApp, type TestApp } from './test-app';
import { waitFor } from './wait-for';

export interface Harness {
  testApp: TestApp;
  site: FixtureServer;
  researcher: TestUser;
  reviewer: TestUser;
  brandSlug: string;
  close(): Promise<void>;
}

/** Settings that keep monitoring tests quick: no politeness delay, short locks and reconcile. */
export function fastMonitoringEnv(
  site: FixtureServer,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    FETCH_ALLOWLIST: site.hostPort,
    MONITORING_HOST_MIN_DELAY_MS: '0',
    MONITORING_HOST_CONCURRENCY: '8',
    MONITORING_LOCK_DURATION_MS: '5000',
    MONITORING_STALLED_INTERVAL_MS: '2000',
    MONITORING_UNHEALTHY_AFTER_FAILURES: '3',
    ...extra,
  };
}

/** The API (and, unless told otherwise, the worker in-process) with a fixture site and two users. */
export async function startHarness(
  options: { worker?: boolean; env?: Record<string, string>; site?: FixtureServer } = {},
): Promise<Harness> {
  const site = options.site ?? (await FixtureServer.start());
  const testApp = await startTestApp({
    worker: options.worker ?? true,
    env: fastMonitoringEnv(site, options.env),
  });
  const researcher = await createUser(testApp, Role.Researcher);
  const reviewer = await createUser(testApp, Role.Reviewer);
  const brand = await new CatalogueFactory(testApp).brand({ name: `Northwind ${unique()}` });
  return {
    testApp,
    site,
    researcher,
    reviewer,
    brandSlug: brand.slug,
    async close() {
      await testApp.close();
      await site.close();
    },
  };
}

export async function api<T = unknown>(
  harness: Harness,
  method: string,
  path: string,
  options: { as?: TestUser; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${harness.testApp.baseUrl}${path}`, {
    method,
    headers: {
      ...(options.as ?? harness.researcher).headers,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: (isJson ? JSON.parse(text) : text) as T };
}

export interface WatchBody {
  id: string;
  health: string;
  consecutiveFailures: number;
  lastError: string | null;
  goneSince: string | null;
  currentSnapshotId: string | null;
  active: boolean;
}

export async function createWatch(harness: Harness, path: string, extra: Record<string, unknown> = {}) {
  const response = await api<WatchBody>(harness, 'POST', '/api/watches', {
    body: { brand: harness.brandSlug, url: harness.site.url(path), ...extra },
  });
  if (response.status !== 201)
    throw new Error(`creating a watch: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function sql<T = Record<string, unknown>>(harness: Harness, query: string, params: unknown[] = []) {
  return harness.testApp.app.get(DataSource).query<T[]>(query, params);
}

/** Queues one check with an id of its own and waits until it has recorded its outcome. */
export async function checkOnce(harness: Harness, watchId: string, timeoutMs = 20_000): Promise<string> {
  const jobId = await harness.testApp.app.get(ScheduleService).queueCheck(watchId, `t${unique()}`);
  return waitForCheck(harness, jobId, timeoutMs);
}

export async function waitForCheck(harness: Harness, jobId: string, timeoutMs = 20_000): Promise<string> {
  const [row] = await waitFor(
    async () => {
      const rows = await sql<{ outcome: string }>(
        harness,
        'SELECT outcome FROM watch_checks WHERE job_id = $1',
        [jobId],
      );
      return rows.length > 0 ? rows : undefined;
    },
    { timeoutMs, intervalMs: 50, description: `check ${jobId}` },
  );
  return row.outcome;
}

export async function counts(harness: Harness, watchId: string) {
  const [row] = await sql<{ snapshots: number; flags: number; checks: number }>(
    harness,
    `SELECT (SELECT count(*)::int FROM snapshots WHERE watch_id = $1) AS snapshots,
            (SELECT count(*)::int FROM flags WHERE watch_id = $1) AS flags,
            (SELECT count(*)::int FROM watch_checks WHERE watch_id = $1) AS checks`,
    [watchId],
  );
  return row;
}
