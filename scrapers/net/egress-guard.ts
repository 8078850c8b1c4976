import { lookup as dnsLookup } from 'node:dns/promises';
import { FetchError } from '../fetch/fetch-error';
import { classifyAddress } from './address-policy';
import { Allowlist } from './allowlist';
import { refusalReason } from './url-policy';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses; injectable so tests can play a rebinding DNS server. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface EgressPolicyOptions {
  /** `FETCH_ALLOWLIST` entries, `host:port`. */
  allowlist?: readonly string[];
  resolver?: HostResolver;
  /** How long name resolution may take before the fetch counts as a transient failure. */
  resolveTimeoutMs?: number;
}

export const systemResolver: HostResolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const DNS_GONE_CODES = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA']);

/**
 * The one place that decides where a fetcher may connect. Both fetchers (the HTTP connector and the
 * Chromium egress proxy) resolve through `resolve`, connect only to the address it returns, and never
 * re-resolve, so a DNS answer that changes between check and use (rebinding) cannot slip through.
 */
export class EgressGuard {
  readonly allowlist: Allowlist;
  private readonly resolver: HostResolver;
  private readonly resolveTimeoutMs: number;

  constructor(options: EgressPolicyOptions = {}) {
    this.allowlist = new Allowlist(options.allowlist ?? []);
    this.resolver = options.resolver ?? systemResolver;
    this.resolveTimeoutMs = options.resolveTimeoutMs ?? 10_000;
  }

  /**
   * Resolves `hostname` and returns the address to pin the connection to. Every answer must pass: a name
   * that resolves to one public and one private address is refused, not silently narrowed.
   */
  async resolve(hostname: string, port: number): Promise<ResolvedAddress> {
    const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    const literal = classifyAddress(host);
    const answers: ResolvedAddress[] = literal
      ? [{ address: literal.address, family: literal.address.includes(':') ? 6 : 4 }]
      : await this.lookup(host);
    if (answers.length === 0) throw new FetchError('gone', `${host} has no addresses`);
    for (const answer of answers) this.vet(answer.address, port, literal ? undefined : host);
    return answers[0];
  }

  /** Throws a `blocked` FetchError unless `address:port` is public or allow-listed. */
  vet(address: string, port: number, requestedHost?: string): void {
    const verdict = classifyAddress(address);
    if (!verdict) throw new FetchError('blocked', `${address} is not an IP address`);
    if (verdict.isPublic || this.allowlist.allows(verdict.address, port, requestedHost)) return;
    const via = requestedHost ? ` (resolved from ${requestedHost})` : '';
    throw new FetchError('blocked', refusalReason(verdict.address, verdict.range, port) + via);
  }

  private async lookup(host: string): Promise<ResolvedAddress[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new FetchError('transient', `resolving ${host} took longer than ${this.resolveTimeoutMs} ms`),
          ),
        this.resolveTimeoutMs,
      );
    });
    try {
      return await Promise.race([this.resolver(host), timeout]);
    } catch (error) {
      if (error instanceof FetchError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (DNS_GONE_CODES.has(code))
        throw new FetchError('gone', `${host} does not exist (${code})`, { cause: error });
      throw new FetchError('transient', `resolving ${host} failed (${code || String(error)})`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
