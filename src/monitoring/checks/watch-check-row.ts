import type { EntityManager } from 'typeorm';
import { WatchCheck } from './watch-check.entity';

export interface CheckContext {
  watchId: string;
  jobId: string;
  startedAt: number;
}

/** The check's history row, in the transaction that recorded what it found. */
export async function insertWatchCheck(
  manager: EntityManager,
  context: CheckContext,
  fields: Partial<WatchCheck>,
): Promise<void> {
  await manager.getRepository(WatchCheck).insert({
    watchId: context.watchId,
    jobId: context.jobId,
    checkedAt: new Date(),
    durationMs: Date.now() - context.startedAt,
    ...fields,
  });
}
