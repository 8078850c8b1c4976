import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { In, type EntityManager } from 'typeorm';
import { Blob, BlobEncoding } from './blob.entity';

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
}

/** Formats that are compressed already: compressing them again costs time and saves nothing. */
const STORED_AS_IS = /^(image\/(png|jpeg|webp|gif)|application\/(pdf|zip|gzip))$/;

export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Content-addressed storage in Postgres. `put` runs in the caller's transaction and is idempotent, so a
 * retried job that stores the same bytes again changes nothing.
 */
export async function putBlob(
  manager: EntityManager,
  content: Buffer | string,
  mediaType: string,
): Promise<StoredBlob> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const sha256 = sha256Hex(bytes);
  const encoding: BlobEncoding = STORED_AS_IS.test(mediaType) ? 'identity' : 'br';
  const stored =
    encoding === 'br' ? brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) : bytes;
  await manager
    .createQueryBuilder()
    .insert()
    .into(Blob)
    .values({ sha256, mediaType, sizeBytes: bytes.length, encoding, content: stored })
    .orIgnore()
    .execute();
  return { sha256, sizeBytes: bytes.length };
}

export interface BlobContent {
  content: Buffer;
  mediaType: string;
}

export async function getBlob(manager: EntityManager, sha256: string): Promise<BlobContent | null> {
  const blob = await manager.findOne(Blob, { where: { sha256 } });
  return blob && contentOf(blob);
}

/** Many blobs in one query, by hash; hashes with no blob are absent from the map. */
export async function getBlobs(manager: EntityManager, sha256s: string[]): Promise<Map<string, BlobContent>> {
  if (sha256s.length === 0) return new Map();
  const blobs = await manager.findBy(Blob, { sha256: In([...new Set(sha256s)]) });
  return new Map(blobs.map((blob) => [blob.sha256, contentOf(blob)]));
}

/** A stored blob's bytes as they were put: decompressed when the store compressed them. */
export function contentOf(blob: Blob): BlobContent {
  const content = blob.encoding === 'br' ? brotliDecompressSync(blob.content) : blob.content;
  return { content, mediaType: blob.mediaType };
}
