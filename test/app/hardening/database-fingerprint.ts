import { Client } from 'pg';

/**
 * Tables whose rows a successful read may update in place, so only their row counts are compared:
 * api_tokens.last_used_at is refreshed (at most once a minute) whenever a token authenticates a request.
 */
export const UPDATED_BY_READS = ['api_tokens'];

/**
 * Row count and newest row version (xmin) of every table of the test database: an insert or delete changes
 * a count, an update changes the newest xmin. One round trip, cheap on a small seeded database.
 */
export class DatabaseFingerprint {
  private constructor(
    private readonly client: Client,
    private readonly query: string,
  ) {}

  static async connect(databaseUrl: string): Promise<DatabaseFingerprint> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
        ORDER BY table_name`,
    );
    const parts = rows.map(({ name }) => {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const version = UPDATED_BY_READS.includes(name) ? "''" : `coalesce(max(xmin::text::bigint), 0)::text`;
      return `SELECT '${name}' AS name, count(*)::text AS rows, ${version} AS version FROM ${quoted}`;
    });
    return new DatabaseFingerprint(client, parts.join(' UNION ALL '));
  }

  /** `table: rows@version` lines, comparable with `toEqual`. */
  async take(): Promise<Record<string, string>> {
    const { rows } = await this.client.query<{ name: string; rows: string; version: string }>(this.query);
    return Object.fromEntries(rows.map((row) => [row.name, `${row.rows}@${row.version}`]));
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
