import { hostname } from 'node:os';

/** Redis hash holding, per worker process, the time of its last heartbeat (ms since epoch). */
export function heartbeatKey(queuePrefix: string): string {
  return `${queuePrefix}:worker-heartbeats`;
}

export function workerIdentity(): string {
  return `${hostname()}:${process.pid}`;
}

export const HEARTBEAT_INTERVAL_MS = 5_000;
