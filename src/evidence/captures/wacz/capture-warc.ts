import { WARCRecord, WARCSerializer } from 'warcio';
import type { RecordedExchange } from '../take-capture';

/** What the WARC of one capture is made of. */
export interface CaptureWarcInput {
  /** The URL that gave the original (after redirects). */
  url: string;
  capturedAt: Date;
  exchange: RecordedExchange;
  /** The original bytes, as the server sent them (content-encoding undone). */
  body: Buffer;
  screenshot?: Buffer;
  /** For the warcinfo record: which evidence and version this is. */
  description: string;
}

const WARC_VERSION = 'WARC/1.1';
/** Headers that describe the transfer, not the bytes we keep: the body is stored with its encoding undone. */
const TRANSFER_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

/**
 * The capture as WARC records (warcinfo, request, response, and the screenshot as a resource record), each
 * gzipped on its own as WACZ readers expect, so a record can be read from its offset without the rest.
 */
export async function buildCaptureWarc(input: CaptureWarcInput): Promise<Buffer> {
  const date = input.capturedAt.toISOString();
  const common = { url: input.url, date, warcVersion: WARC_VERSION, keepHeadersCase: true } as const;
  const info = WARCRecord.createWARCInfo(
    { filename: 'data.warc.gz', warcVersion: WARC_VERSION },
    { software: 'Pledgewatch', format: 'WARC File Format 1.1', description: input.description },
  );
  const response = WARCRecord.create(
    {
      ...common,
      type: 'response',
      statusline: `HTTP/1.1 ${input.exchange.status} ${input.exchange.statusText}`.trimEnd(),
      httpHeaders: responseHeaders(input.exchange, input.body.length),
    },
    [input.body],
  );
  const request = WARCRecord.create(
    {
      ...common,
      type: 'request',
      statusline: `${input.exchange.method} ${pathOf(input.url)} HTTP/1.1`,
      httpHeaders: input.exchange.requestHeaders,
      warcHeaders: { 'WARC-Concurrent-To': recordId(response) },
    },
    [],
  );
  const records = [info, request, response];
  if (input.screenshot) {
    // Browsertrix's convention for a page's screenshot, which ReplayWeb.page shows beside the page.
    records.push(
      WARCRecord.create(
        {
          url: `urn:screenshot:${input.url}`,
          date,
          type: 'resource',
          warcVersion: WARC_VERSION,
          warcHeaders: { 'Content-Type': 'image/png' },
        },
        [input.screenshot],
      ),
    );
  }
  const serialized = [];
  for (const record of records) serialized.push(await WARCSerializer.serialize(record, { gzip: true }));
  return Buffer.concat(serialized);
}

/**
 * The response headers as received, except those of the transfer: the original kept the server's encoding
 * names under `X-Archive-Orig-` (pywb's convention) and the length is that of the body stored.
 */
function responseHeaders(exchange: RecordedExchange, length: number): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  for (const [name, value] of exchange.responseHeaders) {
    headers.push(
      TRANSFER_HEADERS.has(name.toLowerCase()) ? [`X-Archive-Orig-${name}`, value] : [name, value],
    );
  }
  headers.push(['Content-Length', String(length)]);
  return headers;
}

function recordId(record: WARCRecord): string {
  return record.warcHeaders.headers.get('WARC-Record-ID') ?? '';
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
