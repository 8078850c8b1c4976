import { Module } from '@nestjs/common';
import { CaptureScheduler } from './capture-scheduler';

/**
 * What the evidence module needs to log evidence with a URL: `recordPendingCapture` (a plain function, in
 * its transaction) and `CaptureScheduler.enqueueCapture` after the commit. Kept apart from CapturesModule,
 * which reads evidence, so neither module imports the other in a circle.
 */
@Module({
  providers: [CaptureScheduler],
  exports: [CaptureScheduler],
})
export class CaptureOutboxModule {}
