import type { RawResponse } from '../../support/raw-http';

const SHAPE_KEYS = new Set(['statusCode', 'error', 'message', 'details']);

/**
 * What is wrong with an error response, or undefined when it is the JSON of DESIGN.md
 * (`{statusCode, error, message, details?}`, statusCode equal to the HTTP status). Web pages (outside
 * /api and /health, without a file extension) may answer a client that does not ask for JSON with an HTML
 * error page instead, and badges answer with an image.
 */
export function errorShapeProblem(
  request: { method: string; target: string; headers: Record<string, string> },
  response: RawResponse,
): string | undefined {
  if (request.method === 'HEAD') return undefined;
  const contentType = String(response.headers['content-type'] ?? '');
  const path = request.target.split('?')[0];
  const isApi = path.startsWith('/api') || path === '/health';
  const accept = request.headers.accept ?? '*/*';
  const isPage = !isApi && !path.startsWith('/admin/queues') && !/\.[a-z0-9]+$/i.test(path);
  if (isPage && (/text\/html/.test(accept) || !/json/.test(accept)) && contentType.startsWith('text/html')) {
    return undefined;
  }
  // A badge is embedded as an image: for an unknown brand it answers 404 with an "unknown brand" badge,
  // so pages that embed it never show a broken image.
  if (path.startsWith('/badge/') && response.status === 404 && contentType.startsWith('image/svg+xml')) {
    return undefined;
  }
  if (!contentType.startsWith('application/json')) return `content-type is "${contentType}", not JSON`;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return 'body is not valid JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object';
  const fields = body as Record<string, unknown>;
  if (fields.statusCode !== response.status) {
    return `statusCode ${String(fields.statusCode)} differs from the status ${response.status}`;
  }
  if (typeof fields.error !== 'string' || fields.error.length === 0) return '`error` is not a string';
  if (typeof fields.message !== 'string' || fields.message.length === 0) return '`message` is not a string';
  const extra = Object.keys(fields).filter((key) => !SHAPE_KEYS.has(key));
  return extra.length ? `unexpected keys ${extra.join(', ')}` : undefined;
}
