import pg from 'pg';
import type { ReadRouting } from './read-routing';

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  release: () => void,
) => void;

/**
 * The `pg` module TypeORM is given (its `driver` option) when a replica is configured: the same module, whose
 * Pool hands out a replica connection when `routing` says so and a primary one otherwise. TypeORM takes one
 * connection per query runner (a find, a raw query, a transaction), so the choice is made per unit of work,
 * in the async context of the request that asked. A replica that refuses a connection is marked down and the
 * primary serves instead.
 */
export function routingPg(replicaUrl: string, routing: ReadRouting): typeof pg {
  class RoutingPool extends pg.Pool {
    private readonly replica: pg.Pool;

    constructor(options: pg.PoolConfig) {
      super(options);
      // The URL's parts win over the primary's; the pool settings (size, timeouts, options) are the same.
      this.replica = new pg.Pool({
        ...options,
        connectionString: replicaUrl,
        application_name: 'public-reads',
      });
      this.replica.on('error', () => routing.replicaDown());
    }

    override connect(): Promise<pg.PoolClient>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
      if (!routing.useReplica()) return callback ? super.connect(callback) : super.connect();
      if (!callback) {
        return this.replica.connect().catch(() => {
          routing.replicaDown();
          return super.connect();
        });
      }
      this.replica.connect((error, client, release) => {
        if (!error) return callback(undefined, client, release);
        routing.replicaDown();
        super.connect(callback);
      });
    }

    override end(): Promise<void>;
    override end(callback: (error?: Error) => void): void;
    override end(callback?: (error?: Error) => void): Promise<void> | void {
      const ended = Promise.all([this.replica.end(), super.end()]).then(() => undefined);
      if (!callback) return ended;
      ended.then(() => callback(), callback);
    }
  }
  // The module's other members (types, defaults, Client) come through the prototype, untouched.
  return Object.create(pg, { Pool: { value: RoutingPool, enumerable: true } }) as typeof pg;
}
