import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { decide } from './cache-lookup';
import { matchesEtag } from './cache-policy';
import { serveCopy } from './public-cache.middleware';
import type { PublicDataVersion } from './public-data-version';
import type { ResponseCache } from './response-cache';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Serves cached public copies (and their 304s) at the HTTP server's front door, before Express and Nest: a hit
 * then costs a map lookup and one write, instead of the whole middleware stack (helmet, cookies, body parsers,
 * request logging, routing, guards) for bytes we already have. The copy carries every header the original
 * response had, security headers included, so a hit is indistinguishable from a render. Everything else, and
 * every miss, goes to the app as before. Hits are not in the request log: they are counted by no one.
 */
export function installFrontCache(server: Server, version: PublicDataVersion, cache: ResponseCache): void {
  const appListeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const decision = decide(request, request.url ?? '/', version);
    if (decision.kind === 'public') {
      // A miss goes on to the app, whose middleware computes the ETag and records the copy.
      const copy = cache.get(decision.key);
      if (copy) {
        if (matchesEtag(request.headers['if-none-match'], copy.etag)) {
          response.writeHead(304, {
            etag: copy.etag,
            'cache-control': copy.headers['cache-control'],
            vary: copy.headers.vary,
          });
          response.end();
        } else {
          serveCopy(request, response, copy, cache);
        }
        return;
      }
    }
    for (const listener of appListeners) listener.call(server, request, response);
  });
}
