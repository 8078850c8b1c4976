import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { FetchError, type FetchErrorKind } from '../fetch/fetch-error';
import { toFetchError } from '../fetch/network-errors';
import type { EgressGuard } from './egress-guard';

/** A connection the proxy would not or could not make, kept so the browser fetcher can explain a failure. */
export interface EgressFailure {
  /** `host:port` as the browser asked for it. */
  target: string;
  kind: FetchErrorKind;
  reason: string;
  at: Date;
}

/** Headers on the proxy's own refusal answers, so a refused plain-HTTP navigation is not mistaken for the site. */
export const EGRESS_KIND_HEADER = 'x-pledgewatch-egress-kind';
export const EGRESS_REASON_HEADER = 'x-pledgewatch-egress-reason';

const HOP_BY_HOP = [
  'connection',
  'proxy-connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'upgrade',
];
const FAILURES_KEPT = 500;

/**
 * The only way out for Chromium. Chromium resolves names and follows redirects itself, so instead of trusting
 * it, every request (plain proxied HTTP and CONNECT tunnels) comes here; the proxy resolves through the
 * egress guard, connects to the vetted address and nothing else, and refuses the rest with 403 and a reason.
 * It listens on 127.0.0.1 only, and its own address gets no special treatment: a page asking the proxy for
 * http://127.0.0.1:<proxy port>/ is vetted like any other loopback target.
 */
export class EgressProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Duplex>();
  private readonly failureLog: EgressFailure[] = [];
  private boundPort = 0;

  constructor(
    private readonly guard: EgressGuard,
    private readonly connectTimeoutMs = 10_000,
  ) {
    this.server = createServer((req, res) => void this.forward(req, res));
    this.server.on(
      'connect',
      (req: IncomingMessage, socket: Duplex, head: Buffer) => void this.tunnel(req, socket, head),
    );
    this.server.on('upgrade', (_req: IncomingMessage, socket: Duplex) => socket.destroy());
    this.server.on('connection', (socket: Socket) => this.track(socket));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    this.boundPort = (this.server.address() as AddressInfo).port;
  }

  get port(): number {
    return this.boundPort;
  }

  /** The value for Chromium's `--proxy-server`. */
  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  get failures(): readonly EgressFailure[] {
    return this.failureLog;
  }

  /** The most recent failure for `host:port` since `since`, to explain a navigation that failed. */
  failureFor(target: string, since: Date): EgressFailure | undefined {
    for (let i = this.failureLog.length - 1; i >= 0; i -= 1) {
      const failure = this.failureLog[i];
      if (failure.at < since) return undefined;
      if (failure.target === target) return failure;
    }
    return undefined;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Chromium drops connections whenever a page or the browser closes: a reset on either side must end
    // this exchange, never reach the process as an unhandled 'error' event.
    req.on('error', () => res.destroy());
    res.on('error', () => req.destroy());
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      return this.refuse(res, 'invalid_url', 'this is a forward proxy; send absolute-form requests', '-');
    }
    const hostPort = `${target.hostname}:${target.port || 80}`;
    if (target.protocol !== 'http:') {
      return this.refuse(res, 'blocked', `the ${target.protocol} scheme is not proxied`, hostPort);
    }
    let address: string;
    try {
      address = (await this.guard.resolve(target.hostname, Number(target.port || 80))).address;
    } catch (error) {
      const failure = toFetchError(error);
      return this.refuse(res, failure.kind, failure.reason, hostPort);
    }
    const headers = { ...req.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const upstream = httpRequest({
      host: address,
      port: Number(target.port || 80),
      method: req.method,
      path: target.pathname + target.search,
      headers,
      setHost: false,
      agent: false,
      timeout: this.connectTimeoutMs,
    });
    upstream.on('response', (answer) => {
      answer.on('error', () => res.destroy());
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, stripHopByHop(answer.rawHeaders));
      answer.pipe(res);
    });
    upstream.on('timeout', () =>
      upstream.destroy(new FetchError('transient', 'the upstream did not answer in time')),
    );
    upstream.on('error', (error) => {
      const failure = toFetchError(error);
      this.record(hostPort, failure.kind, failure.reason);
      if (!res.headersSent) this.refuse(res, failure.kind, failure.reason, hostPort, 502, false);
      else res.destroy();
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  private async tunnel(req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    // Until the upstream exists, a client reset only needs swallowing (see forward()).
    const ignoreEarlyError = (): void => undefined;
    client.on('error', ignoreEarlyError);
    const target = req.url ?? '';
    let parsed: URL;
    try {
      parsed = new URL(`http://${target}`);
      if (!parsed.port) throw new Error('no port');
    } catch {
      return this.refuseTunnel(client, 'invalid_url', `CONNECT target "${target}" is not host:port`, target);
    }
    let address: string;
    try {
      address = (await this.guard.resolve(parsed.hostname, Number(parsed.port))).address;
    } catch (error) {
      const failure = toFetchError(error);
      return this.refuseTunnel(client, failure.kind, failure.reason, target);
    }
    if (client.destroyed) return; // the browser gave up while we resolved
    const upstream = netConnect({ host: address, port: Number(parsed.port), timeout: this.connectTimeoutMs });
    this.track(upstream);
    upstream.once('connect', () => {
      upstream.setTimeout(0);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.once('timeout', () => upstream.destroy(new FetchError('transient', 'connecting took too long')));
    upstream.on('error', (error) => {
      const failure = toFetchError(error);
      this.record(target, failure.kind, failure.reason);
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      client.destroy();
    });
    client.off('error', ignoreEarlyError);
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  }

  private refuse(
    res: ServerResponse,
    kind: FetchErrorKind,
    reason: string,
    target: string,
    status = kind === 'blocked' ? 403 : kind === 'invalid_url' ? 400 : 502,
    record = true,
  ): void {
    if (record) this.record(target, kind, reason);
    res.writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      [EGRESS_KIND_HEADER]: kind,
      [EGRESS_REASON_HEADER]: encodeURIComponent(reason),
      connection: 'close',
    });
    res.end(`Refused by the Pledgewatch egress proxy: ${reason}\n`);
  }

  private refuseTunnel(client: Duplex, kind: FetchErrorKind, reason: string, target: string): void {
    this.record(target, kind, reason);
    const status = kind === 'blocked' ? '403 Forbidden' : '502 Bad Gateway';
    client.end(
      `HTTP/1.1 ${status}\r\n${EGRESS_KIND_HEADER}: ${kind}\r\n${EGRESS_REASON_HEADER}: ${encodeURIComponent(reason)}\r\n\r\n`,
    );
  }

  private record(target: string, kind: FetchErrorKind, reason: string): void {
    this.failureLog.push({ target, kind, reason, at: new Date() });
    if (this.failureLog.length > FAILURES_KEPT)
      this.failureLog.splice(0, this.failureLog.length - FAILURES_KEPT);
  }

  private track(socket: Duplex): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}

function stripHopByHop(raw: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!HOP_BY_HOP.includes(raw[i].toLowerCase())) kept.push(raw[i], raw[i + 1]);
  }
  return kept;
}
