import type { NextFunction, Request, Response } from 'express';
import type { ReadRouting } from '../../platform/database/read-replica/read-routing';
import { carriesCredentials } from '../../public/cache/cache-policy';

/**
 * Marks the anonymous reads (GET and HEAD without a session or token: the public site, the public API, badges,
 * the feed, exports) as the ones that may read from the replica. Signed-in readers, every write and /health
 * (which must report on the primary) stay on the primary; see ReadRouting for when the replica is trusted.
 */
export function publicReadsOnReplica(routing: ReadRouting) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    const anonymousRead =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !carriesCredentials(request) &&
      !request.path.startsWith('/health');
    if (routing.replicaConfigured && anonymousRead) routing.runAsPublicRead(next);
    else next();
  };
}
