/**
 * Decodes a page body to text, choosing the charset the way browsers do (WHATWG encoding sniffing, simplified):
 * byte-order mark, then the Content-Type header, then a `<meta charset>` / `http-equiv` in the first 1024 bytes,
 * then UTF-8. Unknown labels fall back to UTF-8 rather than failing the fetch.
 */
export function decodeBody(
  body: Uint8Array,
  headerCharset: string | undefined,
  isHtml: boolean,
): DecodedBody {
  const charset =
    bomCharset(body) ?? usable(headerCharset) ?? (isHtml ? usable(metaCharset(body)) : undefined) ?? 'utf-8';
  const decoder = new TextDecoder(charset);
  return { text: decoder.decode(body), charset: decoder.encoding };
}

export interface DecodedBody {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `windows-1252`, `shift_jis`. */
  charset: string;
}

function bomCharset(body: Uint8Array): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function usable(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9._:-]+)/i;

function metaCharset(body: Uint8Array): string | undefined {
  const head = Buffer.from(body.subarray(0, 1024)).toString('latin1');
  return META_CHARSET.exec(head)?.[1];
}
