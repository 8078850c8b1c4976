/**
 * The words recorded for an error no classifier knew (a TypeError in our code, a library's own error):
 * it ends as a recorded failure after its attempts rather than leaving the work pending for ever.
 */
export function describeUnexpected(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `unexpected error: ${text}`.slice(0, 2000);
}

/** The kind recorded on outbox rows (captures, deliveries) that ended on an unexpected error. */
export const UNEXPECTED_ERROR_KIND = 'unexpected';
