import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { BrowserFetcher, HttpFetcher } from '../../../scrapers';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * The process's fetchers: one HTTP connection pool and one Chromium (started lazily on the first browser
 * fetch), both behind the egress guard with the configured allow-list. Shared by watch checks and evidence
 * captures so a worker never runs two browsers.
 */
@Injectable()
export class Fetchers implements OnApplicationShutdown {
  readonly http: HttpFetcher;
  readonly browser: BrowserFetcher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.http = new HttpFetcher({ allowlist: config.fetchAllowlist });
    this.browser = new BrowserFetcher({
      executablePath: config.chromiumPath,
      allowlist: config.fetchAllowlist,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.http.close(), this.browser.close()]);
  }
}
