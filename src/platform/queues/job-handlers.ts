import { SetMetadata } from '@nestjs/common';
import { JOB_QUEUES, type JobName, type QueueName } from './queue-catalogue';

export const HANDLES_JOBS_KEY = 'pledgewatch:handlesJobs';

/** What one processor class says it handles. */
export interface JobHandlerDeclaration {
  processor: string;
  queue: QueueName;
  jobs: readonly JobName[];
}

/**
 * Marks a worker-side provider as the processor of these jobs on this queue. The worker compares every
 * declaration with the catalogue at start-up and refuses to run when a job has no processor (STYLE.md 5).
 */
export const HandlesJobs = (queue: QueueName, jobs: readonly JobName[]): ClassDecorator =>
  SetMetadata(HANDLES_JOBS_KEY, { queue, jobs });

/**
 * Problems between the catalogue and the processors: a job nobody handles, a job handled on another queue
 * than the catalogue's, a job handled twice, a job the catalogue does not know. Empty when all is well.
 */
export function jobCoverageProblems(
  declarations: readonly JobHandlerDeclaration[],
  catalogue: Readonly<Record<string, QueueName>> = JOB_QUEUES,
): string[] {
  const problems: string[] = [];
  const handlers = new Map<string, JobHandlerDeclaration[]>();
  for (const declaration of declarations) {
    for (const job of declaration.jobs) handlers.set(job, [...(handlers.get(job) ?? []), declaration]);
  }
  for (const [job, queue] of Object.entries(catalogue)) {
    const found = handlers.get(job) ?? [];
    if (found.length === 0) {
      problems.push(
        `job "${job}" (queue ${queue}) has no processor: add @HandlesJobs(<the QueueName '${queue}'>, ['${job}']) ` +
          `to the worker provider that handles it`,
      );
    } else if (found.length > 1) {
      problems.push(`job "${job}" is handled by ${found.map((d) => d.processor).join(' and ')}`);
    } else if (found[0].queue !== queue) {
      problems.push(
        `job "${job}" belongs to queue ${queue} but ${found[0].processor} handles it on ${found[0].queue}`,
      );
    }
  }
  for (const job of handlers.keys()) {
    if (!(job in catalogue)) problems.push(`job "${job}" is handled but not in the queue catalogue`);
  }
  return problems;
}
