import type { HTTPResponse } from 'puppeteer-core';
import type { HttpExchange } from '../fetch/fetch-result';

/**
 * The main document's HTTP exchange as Chromium saw it, for archiving (FetchResult.exchange).
 *
 * The body is the one DocumentBodyTap kept off the network. Without it (the tap could not read it), the
 * fallback is `response.content()`, which Chromium decodes and Puppeteer re-encodes as UTF-8
 * (puppeteer/puppeteer#6478): that round trip gives back the wire bytes of a UTF-8 document only, so for any
 * other charset no body is claimed rather than a wrong one. A declared Content-Length (without
 * content-encoding) that disagrees with the body catches the rest.
 */
export async function documentExchange(
  response: HTTPResponse,
  tapped: Buffer | undefined,
  documentCharset: string,
): Promise<HttpExchange | undefined> {
  const body = tapped ?? (await reencodedBody(response, documentCharset));
  if (!body) return undefined;
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

async function reencodedBody(response: HTTPResponse, documentCharset: string): Promise<Buffer | undefined> {
  if (documentCharset.toUpperCase() !== 'UTF-8') return undefined;
  try {
    return Buffer.from(await response.content());
  } catch {
    // Chromium already let go of the body (the page navigated on): the capture says it has no original.
    return undefined;
  }
}
