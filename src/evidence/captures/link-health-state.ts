/**
 * What the latest re-check of an evidence URL found:
 * - `alive`: the page answers with the same main text as the original capture;
 * - `changed`: it answers, but the text differs (a later capture version holds the new text);
 * - `unreachable`: the check failed for a reason that may pass (timeouts, 5xx); dead after repeated failures;
 * - `dead`: 404/410, the host is gone, or it stayed unreachable too many times in a row.
 */
export type LinkHealthState = 'alive' | 'changed' | 'unreachable' | 'dead';

export const LINK_HEALTH_STATES: readonly LinkHealthState[] = ['alive', 'changed', 'unreachable', 'dead'];

export const LINK_HEALTH_SQL = LINK_HEALTH_STATES.map((state) => `'${state}'`).join(', ');

/** Unreachable this many checks in a row counts as dead. */
export const DEAD_AFTER_FAILURES = 3;
