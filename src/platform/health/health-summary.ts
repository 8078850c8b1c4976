import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/**
 * Something a domain wants admins to see on /health without it being a dependency that can be down: the
 * monitor's count of blocked watches, say. Domains provide them; the app hands them to HealthModule, so
 * the platform never imports a domain.
 */
export interface HealthSummary {
  /** Its key in the health report. */
  readonly key: string;
  summarise(): Promise<Record<string, unknown>>;
}

export const HEALTH_SUMMARIES = Symbol('HEALTH_SUMMARIES');

/** Always up: a summary has nothing to say when its numbers cannot be read (the database check reports that). */
export async function summaryResult(
  indicators: HealthIndicatorService,
  summary: HealthSummary,
): Promise<HealthIndicatorResult> {
  const indicator = indicators.check(summary.key);
  try {
    return indicator.up(await summary.summarise());
  } catch (error: unknown) {
    return indicator.up({ message: `not counted: ${(error as Error).message}` });
  }
}
