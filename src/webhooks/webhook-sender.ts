import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Agent, request } from 'undici';
import {
  createGuardedConnector,
  EgressGuard,
  FetchError,
  parseFetchUrl,
  vetLiteralHost,
} from '../../scrapers';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';

export type SendOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; status?: number; reason: string }
  | { kind: 'refused'; status?: number; reason: string };

const TIMEOUT_MS = 10_000;

/**
 * POSTs webhook bodies through the same egress guard as every fetch: a webhook URL that resolves to a private
 * address (now or after a DNS change) is refused, and redirects are not followed.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly guard: EgressGuard;
  private readonly agent: Agent;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.guard = new EgressGuard({ allowlist: config.fetchAllowlist });
    this.agent = new Agent({
      connect: createGuardedConnector(this.guard, { connectTimeoutMs: TIMEOUT_MS }),
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
  }

  /** Throws a FetchError (`blocked`, `invalid_url`, `gone`...) when the URL may not receive webhooks. */
  async vet(url: string): Promise<void> {
    const parsed = parseFetchUrl(url);
    vetLiteralHost(parsed, this.guard.allowlist);
    const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
    await this.guard.resolve(parsed.hostname, port);
  }

  async send(url: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
    try {
      const response = await request(parseFetchUrl(url), {
        dispatcher: this.agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Pledgewatch-Webhooks/1', ...headers },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      response.body.resume();
      return classify(response.statusCode);
    } catch (error) {
      if (error instanceof FetchError && !error.retryable) {
        return { kind: 'refused', reason: error.message };
      }
      return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}

/** 2xx delivered; 408, 425, 429 and 5xx may pass; any other answer (404 for a deleted hook...) will not. */
function classify(status: number): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  if (status >= 500 || status === 408 || status === 425 || status === 429) {
    return { kind: 'retry', status, reason: `the receiver answered ${status}` };
  }
  return { kind: 'refused', status, reason: `the receiver answered ${status}` };
}
