import type { HTTPResponse } from 'puppeteer-core';
import type { HttpExchange } from '../fetch/fetch-result';

/**
 * The main document's HTTP exchange as Chromium saw it, for archiving (FetchResult.exchange).
 *
 * Chromium hands a text document's body back decoded, and Puppeteer re-encodes it as UTF-8
 * (puppeteer/puppeteer#6478). For a UTF-8 document that round trip gives back the bytes that came over the
 * wire; for any other charset it would not, so no body is claimed rather than a wrong one. A declared
 * Content-Length (without content-encoding) that disagrees catches a UTF-8 page with invalid bytes.
 */
export async function documentExchange(
  response: HTTPResponse,
  documentCharset: string,
): Promise<HttpExchange | undefined> {
  if (documentCharset.toUpperCase() !== 'UTF-8') return undefined;
  let body: Buffer;
  try {
    body = Buffer.from(await response.content());
  } catch {
    // Chromium already let go of the body (the page navigated on); the capture says it has no original.
    return undefined;
  }
  const headers = response.headers();
  const declaredLength = headers['content-length'];
  if (declaredLength !== undefined && !headers['content-encoding'] && Number(declaredLength) !== body.length)
    return undefined;
  const request = response.request();
  const requestHeaders = headerPairs(request.headers());
  if (!requestHeaders.some(([name]) => name.toLowerCase() === 'host'))
    requestHeaders.unshift(['host', new URL(response.url()).host]);
  return {
    method: 'GET',
    requestHeaders,
    status: response.status(),
    statusText: response.statusText(),
    responseHeaders: headerPairs(headers),
    body,
  };
}

/** Puppeteer joins repeated headers (Set-Cookie) with newlines; an archive keeps them as separate lines. */
function headerPairs(headers: Record<string, string>): Array<[string, string]> {
  return Object.entries(headers).flatMap(([name, value]) =>
    value.split('\n').map((one): [string, string] => [name, one]),
  );
}
