import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { HANDLES_JOBS_KEY, jobCoverageProblems, type JobHandlerDeclaration } from './job-handlers';

/** The worker's start-up check: every job of the catalogue has exactly one processor. */
@Injectable()
export class JobCoverageCheck implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  /** Runs before any processor starts consuming (those start on application bootstrap). */
  onModuleInit(): void {
    const problems = jobCoverageProblems(this.declarations());
    if (problems.length > 0) {
      throw new Error(`The worker cannot start: ${problems.join('; ')}`);
    }
  }

  private declarations(): JobHandlerDeclaration[] {
    // A provider class registered in two modules is still one processor.
    const types = new Set(this.discovery.getProviders().map((wrapper) => wrapper.metatype));
    return [...types].flatMap((type) => {
      if (!type || typeof type !== 'function') return [];
      const declared = Reflect.getMetadata(HANDLES_JOBS_KEY, type) as
        Omit<JobHandlerDeclaration, 'processor'> | undefined;
      return declared ? [{ processor: type.name, ...declared }] : [];
    });
  }
}
