import type { LoadTarget } from './soak-load';

/**
 * The soak's request mix, weights per ~100 requests: mostly public reads (the campaigner list, a scorecard,
 * their pages, /health), some signed-in reads, and writes that reach Redis and the worker (a check now,
 * evidence, whose capture is a Chromium job).
 */
export function soakTargets(input: {
  brandSlug: string;
  watchIds: string[];
  evidenceUrl: (n: number) => string;
}): LoadTarget[] {
  let evidenceCount = 0;
  const anyWatch = () => input.watchIds[Math.floor(Math.random() * input.watchIds.length)];
  return [
    {
      name: 'GET /api/brands?sector=apparel&commitment=none',
      weight: 20,
      request: () => ({ path: '/api/brands?sector=apparel&commitment=none' }),
    },
    { name: 'GET /brands?sector=apparel', weight: 12, request: () => ({ path: '/brands?sector=apparel' }) },
    {
      name: 'GET /api/brands/:slug/scorecard',
      weight: 20,
      request: () => ({ path: `/api/brands/${input.brandSlug}/scorecard` }),
    },
    { name: 'GET /brands/:slug', weight: 10, request: () => ({ path: `/brands/${input.brandSlug}` }) },
    { name: 'GET /health', weight: 10, request: () => ({ path: '/health' }) },
    {
      name: 'GET /api/watches (signed in)',
      weight: 15,
      request: () => ({ path: '/api/watches?limit=20', signedIn: true }),
    },
    {
      name: 'POST /api/watches/:id/check',
      weight: 2,
      request: () => ({ path: `/api/watches/${anyWatch()}/check`, method: 'POST', signedIn: true }),
    },
    {
      name: 'POST /api/evidence',
      weight: 1,
      request: () => ({
        path: '/api/evidence',
        method: 'POST',
        signedIn: true,
        body: {
          url: input.evidenceUrl((evidenceCount += 1)),
          kind: 'company_statement',
          title: `Sourcing statement ${evidenceCount}`,
        },
      }),
    },
  ];
}
