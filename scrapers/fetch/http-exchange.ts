import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';
import type { HttpExchange } from './fetch-result';

/** The exchange the HTTP fetcher had with the server for its final answer (see FetchResult.exchange). */
export function httpExchangeOf(
  final: URL,
  sent: Record<string, string>,
  response: Dispatcher.ResponseData,
  body: Buffer,
): HttpExchange {
  return {
    method: 'GET',
    // undici adds Host itself; the record says where the request went, as the wire did.
    requestHeaders: [['host', final.host], ...Object.entries(sent)],
    status: response.statusCode,
    // undici does not hand back the reason phrase; HTTP/1.1 makes it advisory, so the standard one stands in.
    statusText: STATUS_CODES[response.statusCode] ?? '',
    responseHeaders: headerPairs(response.headers),
    body,
  };
}

function headerPairs(headers: Dispatcher.ResponseData['headers']): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  }
  return pairs;
}
