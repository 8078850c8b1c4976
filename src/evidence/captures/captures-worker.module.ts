import { Module } from '@nestjs/common';
import { FetchersModule } from '../../platform/fetching/fetchers.module';
import { HostPoliteness } from '../../platform/fetching/politeness/host-politeness';
import { CaptureRecorder } from './capture-recorder';
import { CaptureRunner } from './capture-runner';
import { CapturesProcessor } from './captures.processor';
import { CapturesReconciler } from './captures-reconciler';
import { LinkChecker } from './link-checker';
import { LinkSweep } from './link-sweep';

/** Worker side: takes captures, re-checks links, and keeps the captures queue in step with Postgres. */
@Module({
  imports: [FetchersModule],
  providers: [
    HostPoliteness,
    CapturesProcessor,
    CaptureRunner,
    CaptureRecorder,
    LinkChecker,
    LinkSweep,
    CapturesReconciler,
  ],
  exports: [LinkChecker, LinkSweep, CapturesReconciler],
})
export class CapturesWorkerModule {}
