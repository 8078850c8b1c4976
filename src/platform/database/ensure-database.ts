import { Client } from 'pg';

/**
 * Creates the database named in the URL when it does not exist yet, by connecting to the server's
 * `postgres` maintenance database. Lets `npm start` work on a machine that only has Postgres running.
 */
export async function ensureDatabaseExists(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const databaseName = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!databaseName) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (existing.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`);
    return true;
  } catch (error: unknown) {
    // Another process created it between our check and our CREATE.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
