import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { BRAND_RECORD_SQL } from '../../src/scorecards/brand-record.sql';

/**
 * The uncached scorecard row of bench/scorecards.bench.ts. Every request asks for a brand and a day no request
 * asked before, and carries an (unsigned, so anonymous) session cookie: the public cache never answers a
 * request carrying credentials (src/public/cache/cache-policy.ts, carriesCredentials), so each one is a
 * fresh load and render, and no copy is recorded. No compression is asked, of ours or of the ceiling: the row
 * measures loading and rendering, not zlib. The ceiling is the same statement (BRAND_RECORD_SQL, prepared, as
 * the app runs it) through a bare `pg` pool of the app's size and settings in a bare Node http server.
 */
export const UNCACHED_CONNECTIONS = 10;
/** The app's pool (src/app/database/typeorm-options.ts): the same size and session options for the ceiling. */
const POOL = { max: 10, options: '-c jit=off' };
const SIBLINGS_LIMIT = 51;

/** Verified brands with a group, commitments of both levels and a finding: full cards, `count` of them. */
export async function fullBrands(url: string, count: number): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ slug: string }>(
    `
    SELECT b.slug FROM brands b
    WHERE b.status = 'verified' AND b.company_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM commitments c WHERE c.brand_id = b.id AND c.status = 'verified')
      AND EXISTS (SELECT 1 FROM commitments c WHERE c.company_id = b.company_id AND c.status = 'verified')
      AND EXISTS (SELECT 1 FROM exposure_findings f WHERE f.brand_id = b.id AND f.status = 'verified')
    ORDER BY b.slug LIMIT $1`,
    [count],
  );
  await client.end();
  if (rows.length === 0) throw new Error('No brand with a full record in the bench database');
  return rows.map((row) => row.slug);
}

/**
 * Paths no request asked before: each brand of `slugs` in turn, on a day one earlier each time round.
 * Shared by ours and the ceiling (they alternate), so each sees the same mix of brands and days.
 */
export function freshPaths(slugs: string[]): () => string {
  let index = 0;
  const start = Date.UTC(2026, 0, 1);
  return () => {
    const slug = slugs[index % slugs.length];
    const day = new Date(start - Math.floor(index / slugs.length) * 86_400_000).toISOString().slice(0, 10);
    index++;
    return `/api/brands/${slug}/scorecard?asOf=${day}`;
  };
}

export async function measureFresh(base: string, next: () => string, seconds: number) {
  const result = await autocannon({
    url: base,
    connections: UNCACHED_CONNECTIONS,
    duration: seconds,
    headers: { cookie: 'pw_session=bench' },
    requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${base}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { rps: Math.round(result.requests.average), p99: result.latency.p99 };
}

/** The ceiling: `GET /api/brands/:slug/scorecard?asOf=` answered with the statement's row as JSON, nothing else. */
export function ceilingServer(url: string, port: number): ChildProcess {
  const dir = mkdtempSync(path.join(tmpdir(), 'pw-bench-ceiling-'));
  const sqlFile = path.join(dir, 'brand-record.sql');
  writeFileSync(sqlFile, BRAND_RECORD_SQL);
  const source = `
    const http = require('node:http');
    const fs = require('node:fs');
    const { Pool } = require('pg');
    const text = fs.readFileSync(${JSON.stringify(sqlFile)}, 'utf8');
    const pool = new Pool({ connectionString: ${JSON.stringify(url)}, ...${JSON.stringify(POOL)} });
    const route = /^\\/api\\/brands\\/([^/?]+)\\/scorecard\\?asOf=(\\d{4}-\\d{2}-\\d{2})$/;
    http.createServer((req, res) => {
      const match = route.exec(req.url);
      if (!match) { res.writeHead(404); return res.end(); }
      pool.query({ name: 'scorecard_brand_record', text, values: [match[1], null, match[2], ${SIBLINGS_LIMIT}] })
        .then(({ rows }) => {
          if (!rows[0].brand) { res.writeHead(404); return res.end(); }
          const body = JSON.stringify(rows[0]);
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        })
        .catch((error) => { res.writeHead(500); res.end(String(error)); });
    }).listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'inherit', 'inherit'] });
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return child;
}
