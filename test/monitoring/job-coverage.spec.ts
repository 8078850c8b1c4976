import { jobCoverageProblems } from '../../src/platform/queues/job-handlers';
import { ALL_QUEUES, JOB_QUEUES, QueueName } from '../../src/platform/queues/queue-catalogue';

describe('the worker start-up check of job processors', () => {
  const catalogue = { 'check-watch': QueueName.Monitoring, 'capture-evidence': QueueName.Captures };

  it('passes when every job has exactly one processor on its queue', () => {
    expect(
      jobCoverageProblems(
        [
          { processor: 'MonitoringProcessor', queue: QueueName.Monitoring, jobs: ['check-watch'] },
          { processor: 'CapturesProcessor', queue: QueueName.Captures, jobs: ['capture-evidence'] },
        ],
        catalogue,
      ),
    ).toEqual([]);
  });

  it('names a job that nobody handles', () => {
    const problems = jobCoverageProblems(
      [{ processor: 'MonitoringProcessor', queue: QueueName.Monitoring, jobs: ['check-watch'] }],
      catalogue,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^job "capture-evidence" \(queue captures\) has no processor/),
    ]);
  });

  it('names a job handled on the wrong queue or twice', () => {
    const problems = jobCoverageProblems(
      [
        { processor: 'A', queue: QueueName.Captures, jobs: ['check-watch', 'capture-evidence'] },
        { processor: 'B', queue: QueueName.Captures, jobs: ['capture-evidence'] },
      ],
      catalogue,
    );
    expect(problems).toEqual([
      'job "check-watch" belongs to queue monitoring but A handles it on captures',
      'job "capture-evidence" is handled by A and B',
    ]);
  });

  it('knows every job of the real catalogue', () => {
    expect(jobCoverageProblems([], JOB_QUEUES)).toHaveLength(Object.keys(JOB_QUEUES).length);
  });

  // Issue 15: a `maintenance` queue that no job used showed "no workers" on the dashboard.
  it('has no queue that carries no job', () => {
    const used = new Set(Object.values(JOB_QUEUES));
    expect(ALL_QUEUES.filter((queue) => !used.has(queue))).toEqual([]);
  });
});
