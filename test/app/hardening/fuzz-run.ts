import { isDeepStrictEqual } from 'node:util';
import type { DatabaseFingerprint } from './database-fingerprint';
import { errorShapeProblem } from './error-shape';
import { rawRequest, RawResponse } from '../../support/raw-http';
import type { Credential, FuzzRequest } from './request-arbitraries';

export interface Violation {
  rule: string;
  route: string;
  status: number;
  /** How many requests broke the rule the same way; the example is the first. */
  count: number;
  example: string;
}

/**
 * Sends fuzz requests one at a time and checks each answer against the hardening properties: no 5xx,
 * errors in the shape of DESIGN.md, and no database write by a refused request. Violations are collected
 * (one per route, status and rule) rather than thrown, so one run lists every bug at once.
 */
export class FuzzRun {
  readonly statuses = new Map<number, number>();
  readonly routes = new Set<string>();
  requests = 0;
  /** Milliseconds spent per route, to see where the file's run time goes. */
  readonly elapsed = new Map<string, number>();
  private readonly violations = new Map<string, Violation>();
  private state: Record<string, string> = {};

  constructor(
    private readonly baseUrl: string,
    private readonly fingerprint: DatabaseFingerprint,
    private readonly credentials: Record<Credential, Record<string, string>>,
  ) {}

  async start(): Promise<void> {
    this.state = await this.fingerprint.take();
  }

  async send(route: string, request: FuzzRequest): Promise<RawResponse> {
    const headers = { ...this.credentials[request.credential], ...request.headers };
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
    // A different client address for every request (the app trusts one proxy hop), so the per-address
    // export and sign-in limits do not turn most of those routes' requests into 429s.
    headers['x-forwarded-for'] ??=
      `10.${(this.requests >> 16) & 255}.${(this.requests >> 8) & 255}.${this.requests & 255}`;
    const startedAt = performance.now();
    let response: RawResponse;
    try {
      response = await rawRequest(this.baseUrl, { ...request, headers });
    } catch (error: unknown) {
      // A dropped connection is what a streamed answer that failed after its 200 looks like.
      response = { status: 0, headers: {}, body: String(error) };
      this.record('connection dropped', route, 0, describeExchange(request, response));
    }
    this.elapsed.set(route, (this.elapsed.get(route) ?? 0) + performance.now() - startedAt);
    const after = await this.fingerprint.take();
    this.requests++;
    this.routes.add(route);
    this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
    const describe = () => describeExchange(request, response);
    if (response.status >= 500) this.record('no 5xx', route, response.status, describe());
    if (response.status >= 400) {
      const shape = errorShapeProblem({ ...request, headers }, response);
      if (shape) this.record(`error shape: ${shape}`, route, response.status, describe());
      if (!isDeepStrictEqual(this.state, after)) {
        const changed = Object.keys(after).filter((table) => after[table] !== this.state[table]);
        this.record(`refused request wrote to ${changed.join(', ')}`, route, response.status, describe());
      }
    }
    this.state = after;
    return response;
  }

  /** Every distinct violation, most frequent first. */
  found(): Violation[] {
    return [...this.violations.values()].sort((a, b) => b.count - a.count);
  }

  private record(rule: string, route: string, status: number, example: string): void {
    const key = `${rule}|${route}|${status}`;
    const existing = this.violations.get(key);
    if (existing) existing.count++;
    else this.violations.set(key, { rule, route, status, count: 1, example });
  }
}

function describeExchange(request: FuzzRequest, response: RawResponse): string {
  const body = request.body === undefined ? '' : ` body=${truncate(request.body, 300)}`;
  return (
    `${request.method} ${truncate(request.target, 300)} as ${request.credential} ` +
    `headers=${JSON.stringify(request.headers)}${body} -> ${response.status} ` +
    `${String(response.headers['content-type'] ?? '')} ${truncate(response.body, 300)}`
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}...(${text.length} chars)` : text;
}
