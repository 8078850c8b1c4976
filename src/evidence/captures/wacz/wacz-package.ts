import { Readable } from 'node:stream';
import { zipSync, type Zippable } from 'fflate';
import { CDXIndexer } from 'warcio';
import { sha256Hex } from '../../archive/blob-store';

/** What a WACZ of one page holds beside its WARC. */
export interface WaczInput {
  warc: Buffer;
  page: { id: string; url: string; ts: Date; title: string | null };
  title: string;
  description: string;
  /** Custom datapackage.json properties (the WACZ spec allows those that do not clash with its own). */
  extra: Record<string, unknown>;
  createdAt: Date;
}

const WACZ_VERSION = '1.1.1';
const WARC_PATH = 'archive/data.warc.gz';

/**
 * Packs a WACZ 1.1.1 (https://specs.webrecorder.net/wacz/1.1.1/): the WARC, its CDXJ index, pages.jsonl,
 * and datapackage.json listing every file with its size and SHA-256, itself hashed in
 * datapackage-digest.json. The WARC and anything compressed are STORED, as the spec asks, so a reader can
 * fetch a record by range; the small JSON files are deflated.
 */
export async function packWacz(input: WaczInput): Promise<Buffer> {
  const files: Array<[string, Buffer]> = [
    [WARC_PATH, input.warc],
    ['indexes/index.cdx', await cdxjIndex(input.warc)],
    ['pages/pages.jsonl', pagesJsonl(input.page)],
  ];
  const datapackage = jsonFile({
    profile: 'data-package',
    wacz_version: WACZ_VERSION,
    title: input.title,
    description: input.description,
    created: input.createdAt.toISOString(),
    software: 'Pledgewatch',
    mainPageUrl: input.page.url,
    mainPageDate: input.page.ts.toISOString(),
    ...input.extra,
    resources: files.map(([path, bytes]) => ({
      name: path.slice(path.lastIndexOf('/') + 1),
      path,
      hash: `sha256:${sha256Hex(bytes)}`,
      bytes: bytes.length,
    })),
  });
  const digest = jsonFile({ path: 'datapackage.json', hash: `sha256:${sha256Hex(datapackage)}` });
  const zippable: Zippable = {};
  const mtime = input.createdAt;
  for (const [path, bytes] of files) zippable[path] = [bytes, { level: path === WARC_PATH ? 0 : 6, mtime }];
  zippable['datapackage.json'] = [datapackage, { level: 6, mtime }];
  zippable['datapackage-digest.json'] = [digest, { level: 6, mtime }];
  return Buffer.from(zipSync(zippable));
}

/** One CDXJ line per response and resource record, sorted as replay tools binary-search them. */
async function cdxjIndex(warc: Buffer): Promise<Buffer> {
  const indexer = new CDXIndexer({ format: 'cdxj' });
  const lines: string[] = [];
  for await (const entry of indexer.iterIndex([{ filename: 'data.warc.gz', reader: Readable.from([warc]) }]))
    lines.push(indexer.serializeCDXJ(entry));
  return Buffer.from(lines.sort().join(''), 'utf8');
}

function pagesJsonl(page: WaczInput['page']): Buffer {
  const header = { format: 'json-pages-1.0', id: 'pages', title: 'All Pages' };
  const entry = { id: page.id, url: page.url, ts: page.ts.toISOString(), title: page.title ?? undefined };
  return Buffer.from(`${JSON.stringify(header)}\n${JSON.stringify(entry)}\n`, 'utf8');
}

function jsonFile(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}
