/** Today as an ISO date in UTC: the default "as of" of every query. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
