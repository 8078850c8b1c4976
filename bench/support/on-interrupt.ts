/**
 * Benchmarks start servers of their own (a Postgres pair in a temporary directory, redis-server, API and
 * worker processes). A `finally` does not run when the bench is interrupted (Ctrl-C, a timeout's SIGTERM), and
 * those servers would outlive it on a shared machine. What is registered here runs on the first such signal,
 * newest first, before the bench exits.
 */
const cleanups: Array<() => Promise<void>> = [];
let listening = false;

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  console.error(`${signal}: stopping what the bench started`);
  // Connections to the servers being stopped now end under their clients' feet; that is expected here.
  process.on('uncaughtException', () => undefined);
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Runs `cleanup` if the bench is interrupted; call the returned function once it has been done normally. */
export function cleanUpOnInterrupt(cleanup: () => Promise<void>): () => void {
  if (!listening) {
    listening = true;
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, (name) => void interrupted(name));
  }
  cleanups.push(cleanup);
  return () => {
    const index = cleanups.indexOf(cleanup);
    if (index !== -1) cleanups.splice(index, 1);
  };
}
