const DAY_MS = 86_400_000;
let day = '';
let dayStartsAt = 0;

/** Today as an ISO date in UTC: the default "as of" of every query. Formatted once a day, not per request. */
export function today(): string {
  const now = Date.now();
  if (now < dayStartsAt || now >= dayStartsAt + DAY_MS) {
    dayStartsAt = now - (now % DAY_MS);
    day = new Date(dayStartsAt).toISOString().slice(0, 10);
  }
  return day;
}
