import { Module } from '@nestjs/common';
import { ReviewRunner } from './review-runner';

/**
 * The review workflow every reviewable feature (brands, companies, commitments...) runs its records
 * through. AuditService comes from the global AuditModule.
 */
@Module({
  providers: [ReviewRunner],
  exports: [ReviewRunner],
})
export class ReviewModule {}
