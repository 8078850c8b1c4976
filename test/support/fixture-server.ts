import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A canned answer. Everything is optional: `{}` is an empty 200. */
export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string | number | string[]>;
  body?: string | Buffer;
  /** Wait this long before sending headers (to trip timeouts). The wait ends early when the server closes. */
  delayMs?: number;
}

/** A route is a canned answer or a handler; handlers may answer late or never (the server cleans up on close). */
export type FixtureHandler = (req: IncomingMessage, res: ServerResponse) => unknown;
export type FixtureRoute = FixtureResponse | FixtureHandler;

export interface RecordedRequest {
  method: string;
  /** Path with query, as the client sent it (absolute-form when a proxy forwarded it). */
  url: string;
  path: string;
  headers: IncomingMessage['headers'];
  at: Date;
}

export interface FixtureServerOptions {
  /** Interface to listen on; 127.0.0.1 unless a test needs another loopback address. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Answer for paths without a route (default 404 "not found"). */
  fallback?: FixtureRoute;
}

/**
 * An HTTP server on a loopback address for tests: routes live in a Map the test may change between
 * requests, every request and TCP connection is counted (a "canary" server is just one with no routes
 * whose counts must stay at zero), and close() tears down sockets that handlers left hanging.
 */
export class FixtureServer {
  readonly routes = new Map<string, FixtureRoute>();
  readonly requests: RecordedRequest[] = [];
  /** TCP connections accepted, whether or not a request followed (a CONNECT or TLS hello counts too). */
  connections = 0;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private readonly server: Server;
  private boundPort = 0;

  private constructor(
    readonly host: string,
    private readonly fallback: FixtureRoute,
  ) {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket: Socket) => this.track(socket));
    this.server.on('connect', (req: IncomingMessage, socket: Socket) => {
      this.record(req);
      socket.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
    });
  }

  static async start(options: FixtureServerOptions = {}): Promise<FixtureServer> {
    const fixture = new FixtureServer(
      options.host ?? '127.0.0.1',
      options.fallback ?? { status: 404, body: 'not found' },
    );
    await new Promise<void>((resolve, reject) => {
      fixture.server.once('error', reject);
      fixture.server.listen(options.port ?? 0, fixture.host, resolve);
    });
    fixture.boundPort = (fixture.server.address() as AddressInfo).port;
    return fixture;
  }

  get port(): number {
    return this.boundPort;
  }

  /** `http://127.0.0.1:<port>` */
  get origin(): string {
    return `http://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`;
  }

  /** `host:port`, the form FETCH_ALLOWLIST entries take. */
  get hostPort(): string {
    return `${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`;
  }

  url(path: string): string {
    return this.origin + path;
  }

  route(path: string, route: FixtureRoute): this {
    this.routes.set(path, route);
    return this;
  }

  /** A redirect from `path` to `location` (absolute or relative). */
  redirect(path: string, location: string, status = 302): this {
    return this.route(path, { status, headers: { location } });
  }

  /** Requests seen for `path` (without query), or in total. */
  hits(path?: string): number {
    return path === undefined ? this.requests.length : this.requests.filter((r) => r.path === path).length;
  }

  /** Forgets routes and counts, keeps listening. */
  reset(): void {
    this.routes.clear();
    this.requests.length = 0;
    this.connections = 0;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.connections += 1;
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private record(req: IncomingMessage): string {
    const url = req.url ?? '/';
    const path = pathOf(url);
    this.requests.push({ method: req.method ?? 'GET', url, path, headers: req.headers, at: new Date() });
    return path;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = this.record(req);
    const route = this.routes.get(path) ?? this.fallback;
    if (typeof route === 'function') {
      Promise.resolve(route(req, res)).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      });
      return;
    }
    const send = (): void => {
      res.writeHead(route.status ?? 200, route.headers);
      res.end(route.body);
    };
    if (!route.delayMs) return send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) send();
    }, route.delayMs);
    this.timers.add(timer);
  }
}

function pathOf(url: string): string {
  const parsed = new URL(url, 'http://fixture.invalid');
  return parsed.pathname;
}

/** An HTML page with a UTF-8 content type. */
export function html(body: string, extra: Omit<FixtureResponse, 'body'> = {}): FixtureResponse {
  return { ...extra, headers: { 'content-type': 'text/html; charset=utf-8', ...extra.headers }, body };
}

/** Polls `condition` until it holds or `timeoutMs` passes (tests must not sleep for a fixed time). */
export async function waitFor(
  condition: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
