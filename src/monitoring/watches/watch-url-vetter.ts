import { Inject, Injectable } from '@nestjs/common';
import { EgressGuard, isFetchError, parseFetchUrl } from '../../../scrapers';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';

/**
 * The SSRF guard at save time: a watch's URL must parse as http(s) and resolve only to public addresses
 * (or allow-listed ones). The fetchers vet again at every fetch and redirect hop; this check only spares a
 * researcher a watch that could never be fetched.
 */
@Injectable()
export class WatchUrlVetter {
  private readonly guard: EgressGuard;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.guard = new EgressGuard({ allowlist: config.fetchAllowlist, resolveTimeoutMs: 5000 });
  }

  /** The normalised URL, or a 400 naming `url` with the reason. */
  async vet(input: string): Promise<string> {
    try {
      const url = parseFetchUrl(input.trim());
      await this.guard.resolve(url.hostname, portOf(url));
      return url.href;
    } catch (error) {
      if (!isFetchError(error)) throw error;
      const reason = `url cannot be watched: ${error.reason}`;
      throw new DomainError(DomainErrorCode.InvalidInput, reason, [{ field: 'url', reasons: [reason] }]);
    }
  }
}

function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}
