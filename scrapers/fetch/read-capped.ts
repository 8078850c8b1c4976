import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { FetchError } from './fetch-error';

/**
 * Reads a response body into memory, giving up as soon as it passes `maxBytes`. The cap applies to the
 * decoded bytes, so a small gzip bomb cannot blow up memory either.
 */
export async function readCapped(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const stream = decode(body, contentEncoding, url);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes, url);
      chunks.push(chunk);
    }
  } finally {
    if (total > maxBytes) {
      body.destroy();
      stream.destroy();
    }
  }
  return Buffer.concat(chunks, total);
}

export function tooLarge(maxBytes: number, url: string): FetchError {
  return new FetchError('too_large', `the body is larger than the ${maxBytes}-byte cap`, { url });
}

function decode(body: Readable, contentEncoding: string | undefined, url: string): Readable {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  switch (encoding) {
    case '':
    case 'identity':
      return body;
    case 'gzip':
    case 'x-gzip':
      return body.pipe(createGunzip());
    case 'deflate':
      return body.pipe(createInflate());
    case 'br':
      return body.pipe(createBrotliDecompress());
    default:
      throw new FetchError('unsupported_content', `the content encoding "${encoding}" is not supported`, {
        url,
      });
  }
}
