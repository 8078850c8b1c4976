import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { HostPoliteness } from '../../platform/fetching/politeness/host-politeness';
import { HandlesJobs } from '../../platform/queues/job-handlers';
import {
  DEFAULT_JOB_OPTIONS,
  type JobName,
  type JobPayloads,
  QueueName,
} from '../../platform/queues/queue-catalogue';
import { CaptureRunner } from './capture-runner';
import { CapturesReconciler } from './captures-reconciler';
import { type HostGate, withHostSlot } from './host-slot';
import { LinkChecker } from './link-checker';
import { LinkSweep } from './link-sweep';

type CapturesJob = Job<JobPayloads[CapturesJobName], unknown, CapturesJobName>;
type CapturesJobName = Extract<
  JobName,
  'capture-evidence' | 'check-link' | 'sweep-links' | 'reconcile-captures'
>;

/** The captures queue: archive evidence URLs, re-check them, and keep Redis in step with Postgres. */
@Processor(QueueName.Captures)
@HandlesJobs(QueueName.Captures, ['capture-evidence', 'check-link', 'sweep-links', 'reconcile-captures'])
export class CapturesProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: CaptureRunner,
    private readonly checker: LinkChecker,
    private readonly sweeper: LinkSweep,
    private readonly reconciler: CapturesReconciler,
    private readonly politeness: HostPoliteness,
  ) {
    super();
  }

  /** @Processor options are static; the worker exists by now, so take the configured concurrency. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: CapturesJob, token?: string): Promise<unknown> {
    // Captures and link checks share the monitor's per-host slots, so a brand's site never sees a burst.
    const gate: HostGate = (url, work) => withHostSlot(this.politeness, job, token, url, work);
    switch (job.name) {
      case 'capture-evidence': {
        const { evidenceId } = job.data as JobPayloads['capture-evidence'];
        const attempts = job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts ?? 1;
        const number = job.attemptsMade + 1;
        return this.runner.run(evidenceId, { number, last: number >= attempts }, gate);
      }
      case 'check-link':
        return this.checker.check((job.data as JobPayloads['check-link']).evidenceId, gate);
      case 'sweep-links':
        return this.sweeper.sweep();
      case 'reconcile-captures':
        return this.reconciler.reconcile();
    }
  }
}
