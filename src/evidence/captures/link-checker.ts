import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FetchError } from '../../../scrapers';
import { sha256Hex } from '../archive/blob-store';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { Fetchers } from '../../platform/fetching/fetchers.provider';
import { EvidenceCapture } from './capture.entity';
import { CaptureRecorder } from './capture-recorder';
import { LinkCheck } from './link-check.entity';
import { LinkHealth } from './link-health.entity';
import { DEAD_AFTER_FAILURES, type LinkHealthState } from './link-health-state';
import { type HostGate, ungated } from './host-slot';
import { takeCapture, type CapturedPage } from './take-capture';

/** FetchError kinds that mean the URL no longer leads anywhere. */
const DEAD_KINDS = new Set<FetchError['kind']>(['gone', 'blocked', 'invalid_url']);

interface CheckOutcome {
  state: LinkHealthState;
  page?: CapturedPage;
  detail?: string;
}

/**
 * Re-checks one evidence URL against its archived copies: alive when the main text hashes as the original's,
 * changed when it does not (stored as a new version when it also differs from the latest one), dead on
 * 404/410 or a host that is gone, unreachable otherwise, and dead after repeated failures. The original
 * capture is never touched. Transient failures are not retried by the job: the next sweep is the retry.
 */
@Injectable()
export class LinkChecker {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fetchers: Fetchers,
    private readonly recorder: CaptureRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(evidenceId: string, gate: HostGate = ungated): Promise<LinkHealthState | undefined> {
    const health = await this.dataSource.getRepository(LinkHealth).findOneBy({ evidenceId });
    if (!health) return undefined;
    const outcome = await gate(health.url, () => this.probe(health.url));
    return this.dataSource.transaction((manager) => this.record(manager, health, outcome));
  }

  private async probe(url: string): Promise<CheckOutcome> {
    try {
      const page = await takeCapture(this.fetchers, url);
      if (page.status === 404 || page.status === 410) return { state: 'dead', page };
      if (page.status >= 400) return { state: 'unreachable', page, detail: `answered ${page.status}` };
      return { state: 'alive', page };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      return { state: DEAD_KINDS.has(error.kind) ? 'dead' : 'unreachable', detail: error.message };
    }
  }

  private async record(manager: EntityManager, health: LinkHealth, outcome: CheckOutcome) {
    const { page } = outcome;
    const textSha256 = page && page.status < 400 ? sha256Hex(page.text) : null;
    let state = outcome.state;
    let captureId: string | null = null;
    if (textSha256) {
      const [original, latest] = await this.versionHashes(manager, health.evidenceId);
      if (textSha256 !== original) state = 'changed';
      if (page && textSha256 !== latest) {
        captureId = (await this.recorder.addVersion(manager, health.evidenceId, health.url, page)).captureId;
      }
    }
    const failures = state === 'unreachable' ? health.consecutiveFailures + 1 : 0;
    if (failures >= DEAD_AFTER_FAILURES) state = 'dead';
    const checkedAt = new Date();
    await manager.getRepository(LinkCheck).insert({
      evidenceId: health.evidenceId,
      checkedAt,
      outcome: state,
      httpStatus: page?.status ?? null,
      finalUrl: page?.finalUrl ?? null,
      textSha256,
      captureId,
      detail: outcome.detail ?? null,
    });
    await manager.getRepository(LinkHealth).update(
      { evidenceId: health.evidenceId },
      {
        state,
        lastCheckedAt: checkedAt,
        consecutiveFailures: failures,
        nextCheckAt: new Date(checkedAt.getTime() + this.config.archiving.linkCheckIntervalHours * 3600_000),
      },
    );
    return state;
  }

  /** Text hashes of the original (version 1) and of the latest version. */
  private async versionHashes(manager: EntityManager, evidenceId: string): Promise<[string, string]> {
    const rows = await manager
      .getRepository(EvidenceCapture)
      .createQueryBuilder('capture')
      .select(['capture.version', 'capture.textSha256'])
      .where('capture.evidenceId = :evidenceId AND capture.state = :done', { evidenceId, done: 'done' })
      .orderBy('capture.version', 'ASC')
      .getMany();
    const original = rows[0]?.textSha256 ?? '';
    return [original, rows[rows.length - 1]?.textSha256 ?? original];
  }
}
