import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type ContentCoding = 'br' | 'gzip' | 'identity';
export type Compressed = Partial<Record<Exclude<ContentCoding, 'identity'>, Buffer>>;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this a compressed body saves less than its headers cost (the `compression` middleware's threshold too). */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|atom\+xml|xml)|image\/svg\+xml)/i;

/**
 * Brotli 5 and gzip 6: about a tenth larger than brotli's strongest setting (11), at a fiftieth to a hundredth of
 * its time (measured on our pages: a 20 KB list 26 ms at 11, 0.2 ms at 5). Every miss records a copy, most of
 * the long tail is never asked for again, and zlib's threads share the cores with the renders and Postgres: at
 * 11, compressing copies cost more than rendering them.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

/**
 * A copy's compressed forms, made once when it is recorded (in zlib's thread pool, off the event loop): every
 * later hit sends them as they are. A form no smaller than the body is dropped.
 */
export async function compressCopy(body: Buffer, contentType: string | undefined): Promise<Compressed> {
  if (body.length < MIN_BYTES || !contentType || !COMPRESSIBLE.test(contentType)) return {};
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipped(body, { level: GZIP_LEVEL }),
  ]);
  const forms: Compressed = {};
  if (br.length < body.length) forms.br = br;
  if (gz.length < body.length) forms.gzip = gz;
  return forms;
}

const recentChoices = new Map<string, ContentCoding>();
const RECENT_CHOICES = 64;

/**
 * The coding a client prefers among br, gzip and identity (RFC 9110 §12.5.3: q-values, `*`, `q=0` refuses),
 * br first on a tie. Clients send a handful of distinct headers, so recent answers are kept: a cache hit then
 * costs a map lookup, not a parse.
 */
export function preferredCoding(acceptEncoding: string | undefined): ContentCoding {
  if (!acceptEncoding) return 'identity';
  const known = recentChoices.get(acceptEncoding);
  if (known) return known;
  const choice = choose(acceptEncoding);
  if (recentChoices.size >= RECENT_CHOICES) recentChoices.clear();
  recentChoices.set(acceptEncoding, choice);
  return choice;
}

function choose(acceptEncoding: string): ContentCoding {
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!name) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return 'identity';
}
