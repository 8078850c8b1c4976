import type { DataSource } from 'typeorm';
import { auditEntryHash, GENESIS_HASH } from './audit-hash';

export type ChainBreak = 'row_missing' | 'link_broken' | 'content_changed';

export type AuditChainReport =
  | { ok: true; count: number; head: { seq: string; hash: string } | null }
  | { ok: false; checked: number; entryId: string; seq: string; problem: ChainBreak; explanation: string };

interface ChainRow {
  id: string;
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/**
 * Walks the audit log in sequence order and recomputes every hash. Stops at the first entry that does not
 * fit: a gap in the sequence (rows deleted), a prev_hash that is not the previous entry's hash (a row was
 * replaced or re-hashed), or a hash that does not match the content (a row was edited).
 * What a chain alone cannot show is the loss of its newest entries; compare the reported head with a copy
 * kept elsewhere for that.
 */
export async function verifyAuditChain(dataSource: DataSource, batchSize = 1000): Promise<AuditChainReport> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // One snapshot for the whole walk, so entries appended meanwhile cannot make it inconsistent.
    await runner.startTransaction('REPEATABLE READ');
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (;;) {
      const rows = (await runner.query(
        `SELECT id, seq, occurred_at, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash
           FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
        [String(expectedSeq), batchSize],
      )) as ChainRow[];
      for (const row of rows) {
        const problem = checkRow(row, expectedSeq, prevHash);
        if (problem) return { ok: false, checked, entryId: row.id, seq: row.seq, ...problem };
        checked += 1;
        expectedSeq += 1n;
        prevHash = row.hash;
      }
      if (rows.length < batchSize) break;
    }
    const head = checked === 0 ? null : { seq: String(expectedSeq - 1n), hash: prevHash };
    return { ok: true, count: checked, head };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

function checkRow(
  row: ChainRow,
  expectedSeq: bigint,
  prevHash: string,
): { problem: ChainBreak; explanation: string } | undefined {
  const seq = BigInt(row.seq);
  if (seq !== expectedSeq) {
    const missing = seq - expectedSeq === 1n ? `${expectedSeq}` : `${expectedSeq} to ${seq - 1n}`;
    return { problem: 'row_missing', explanation: `entry ${missing} before it is missing (deleted)` };
  }
  if (row.prev_hash !== prevHash) {
    return {
      problem: 'link_broken',
      explanation: `its prev_hash is not the hash of entry ${seq - 1n} (a row was replaced or re-hashed)`,
    };
  }
  const recomputed = auditEntryHash(row.prev_hash, {
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
  });
  if (recomputed !== row.hash) {
    return {
      problem: 'content_changed',
      explanation: 'its content no longer matches its hash (it was edited)',
    };
  }
  return undefined;
}
