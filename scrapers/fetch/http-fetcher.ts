import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { EgressGuard, type HostResolver } from '../net/egress-guard';
import { createGuardedConnector } from '../net/guarded-connector';
import { parseFetchUrl, vetLiteralHost } from '../net/url-policy';
import { contentKindOf, parseContentType } from './content-type';
import { decodeBody } from './decode-charset';
import { FetchError } from './fetch-error';
import { httpExchangeOf } from './http-exchange';
import type { ConditionalHeaders, FetchResult } from './fetch-result';
import { botWallOfFetched, vendorHeadersOf } from './bot-wall-of-fetched';
import { toFetchError } from './network-errors';
import { extractPdfText } from './pdf-text';
import { readCapped, tooLarge } from './read-capped';
import { DEFAULT_MAX_REDIRECTS, isRedirect, nextHop } from './redirects';

export interface HttpFetcherOptions {
  /** `FETCH_ALLOWLIST` entries (host:port): the only way to reach a non-public address. */
  allowlist?: readonly string[];
  maxBytes?: number;
  maxRedirects?: number;
  connectTimeoutMs?: number;
  /** Time allowed for the response headers to arrive after the request was sent. */
  headersTimeoutMs?: number;
  /** Longest silence allowed between two body chunks. */
  bodyTimeoutMs?: number;
  /** The whole fetch, redirects and PDF extraction included. */
  totalTimeoutMs?: number;
  userAgent?: string;
  /** For tests (DNS rebinding) and special deployments; defaults to the system resolver. */
  resolver?: HostResolver;
}

export const DEFAULT_USER_AGENT = 'PledgewatchBot/0.1 (+https://github.com/pledgewatch/pledgewatch)';
/** Error and challenge pages are small; more than this of one is not read. */
const WALL_MAX_BYTES = 512 * 1024;
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,application/pdf;q=0.8,*/*;q=0.1';

/**
 * Plain-HTTP fetcher for watches and evidence. One instance per process: it owns a connection pool whose
 * every connection went through the egress guard. Redirects are followed here, hop by hop, so each hop is
 * vetted again by the same connector.
 */
export class HttpFetcher {
  private readonly guard: EgressGuard;
  private readonly agent: Agent;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly totalTimeoutMs: number;
  private readonly userAgent: string;

  constructor(options: HttpFetcherOptions = {}) {
    this.guard = new EgressGuard({ allowlist: options.allowlist, resolver: options.resolver });
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.totalTimeoutMs = options.totalTimeoutMs ?? 60_000;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.agent = new Agent({
      connect: createGuardedConnector(this.guard, { connectTimeoutMs: options.connectTimeoutMs ?? 10_000 }),
      headersTimeout: options.headersTimeoutMs ?? 20_000,
      bodyTimeout: options.bodyTimeoutMs ?? 20_000,
    });
  }

  async fetch(url: string, previous: ConditionalHeaders = {}): Promise<FetchResult> {
    const requested = parseFetchUrl(url);
    // A plain timer rather than AbortSignal.timeout(): that one's timer outlives the fetch and costs per call.
    const overall = new AbortController();
    const timer = setTimeout(() => overall.abort(), this.totalTimeoutMs);
    try {
      return await this.follow(requested, previous, overall.signal);
    } catch (error) {
      const overran = overall.signal.aborted
        ? `the fetch took longer than ${this.totalTimeoutMs} ms`
        : undefined;
      throw toFetchError(error, overran).withUrl(requested.href);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async follow(
    requested: URL,
    previous: ConditionalHeaders,
    signal: AbortSignal,
  ): Promise<FetchResult> {
    const redirects: string[] = [];
    let current = requested;
    for (;;) {
      vetLiteralHost(current, this.guard.allowlist);
      // Validators belong to the URL they came from; don't send them to a redirect target.
      const validators = redirects.length === 0 ? previous : {};
      const sent = this.headers(validators);
      const response = await request(current, {
        dispatcher: this.agent,
        method: 'GET',
        headers: sent,
        signal,
      });
      if (!isRedirect(response.statusCode))
        return this.toResult(requested, current, redirects, { sent, response }, previous, signal);
      response.body.resume();
      redirects.push(current.href);
      current = nextHop(current, header(response.headers, 'location'), redirects, this.maxRedirects);
    }
  }

  private headers(validators: ConditionalHeaders): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    return headers;
  }

  private async toResult(
    requested: URL,
    final: URL,
    redirects: string[],
    { sent, response }: { sent: Record<string, string>; response: Dispatcher.ResponseData },
    previous: ConditionalHeaders,
    signal: AbortSignal,
  ): Promise<FetchResult> {
    const status = response.statusCode;
    const base = {
      requestedUrl: requested.href,
      finalUrl: final.href,
      status,
      redirects,
      etag: header(response.headers, 'etag'),
      lastModified: header(response.headers, 'last-modified'),
      fetchedAt: new Date(),
      via: 'http' as const,
      vendorHeaders: vendorHeadersOf(response.headers),
    };
    if (status === 304) {
      response.body.resume();
      const carried = {
        etag: base.etag ?? previous.etag,
        lastModified: base.lastModified ?? previous.lastModified,
      };
      return { ...base, ...carried, contentType: '', notModified: true, body: Buffer.alloc(0) };
    }
    if (status >= 500 || status === 429) return this.wallOrFailure(base, response, final);
    const declaredLength = Number(header(response.headers, 'content-length'));
    if (declaredLength > this.maxBytes && !header(response.headers, 'content-encoding')) {
      response.body.destroy();
      throw tooLarge(this.maxBytes, final.href);
    }
    const body = await readCapped(
      response.body,
      header(response.headers, 'content-encoding'),
      this.maxBytes,
      final.href,
    );
    signal.throwIfAborted();
    const declared = parseContentType(header(response.headers, 'content-type'));
    const kind = contentKindOf(declared, body);
    const contentType = declared?.mediaType ?? '';
    if (!kind) {
      const what = contentType ? `the content type ${contentType}` : 'a body of unknown type';
      throw new FetchError('unsupported_content', `${what} is not fetched (only HTML, plain text and PDF)`, {
        url: final.href,
        status,
      });
    }
    const exchange = httpExchangeOf(final, sent, response, body);
    const common = { ...base, contentType: contentType || kind, kind, notModified: false, body, exchange };
    if (kind === 'pdf') return { ...common, text: await extractPdfText(body, { url: final.href }) };
    const decoded = decodeBody(body, declared?.charset, kind === 'html');
    return kind === 'html'
      ? { ...common, html: decoded.text, charset: decoded.charset }
      : { ...common, text: decoded.text, charset: decoded.charset };
  }

  /**
   * A 429 or 5xx is a bot wall or rate-limit page when its body says so (then it is a result: the monitor
   * keeps the last good snapshot); otherwise a transient failure to retry. Only HTML bodies are read.
   */
  private async wallOrFailure(
    base: Omit<FetchResult, 'contentType' | 'notModified' | 'body'>,
    response: Dispatcher.ResponseData,
    final: URL,
  ): Promise<FetchResult> {
    const status = base.status;
    const declared = parseContentType(header(response.headers, 'content-type'));
    const body = await readCapped(
      response.body,
      header(response.headers, 'content-encoding'),
      WALL_MAX_BYTES,
      final.href,
    ).catch(() => Buffer.alloc(0));
    const html =
      contentKindOf(declared, body) === 'html' ? decodeBody(body, declared?.charset, true).text : undefined;
    const result: FetchResult = {
      ...base,
      contentType: declared?.mediaType ?? '',
      notModified: false,
      body,
      html,
    };
    const blocked = botWallOfFetched(result);
    if (!blocked)
      throw new FetchError('transient', `the server answered ${status}`, { url: final.href, status });
    return { ...result, kind: html === undefined ? undefined : 'html', blocked };
  }
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
