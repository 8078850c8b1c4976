/** What a fetched body is, as far as Pledgewatch cares: a page, plain text, a PDF, or something we refuse. */
export type ContentKind = 'html' | 'text' | 'pdf';

export interface ParsedContentType {
  mediaType: string;
  charset?: string;
}

const KIND_BY_MEDIA_TYPE: Record<string, ContentKind> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
};

export function parseContentType(header: string | undefined): ParsedContentType | undefined {
  if (!header) return undefined;
  const [type, ...params] = header.split(';');
  const mediaType = type.trim().toLowerCase();
  if (!mediaType) return undefined;
  let charset: string | undefined;
  for (const param of params) {
    const [name, value] = param.split('=', 2).map((s) => s.trim());
    if (name?.toLowerCase() === 'charset' && value) charset = value.replace(/^"|"$/g, '').toLowerCase();
  }
  return { mediaType, charset };
}

/**
 * The kind of a body: from the declared type when there is one, else sniffed from its first bytes.
 * `application/octet-stream` is treated as undeclared because servers use it for PDFs they don't know.
 */
export function contentKindOf(
  declared: ParsedContentType | undefined,
  head: Uint8Array,
): ContentKind | undefined {
  if (declared && declared.mediaType !== 'application/octet-stream')
    return KIND_BY_MEDIA_TYPE[declared.mediaType];
  return sniff(head);
}

function sniff(head: Uint8Array): ContentKind | undefined {
  const start = Buffer.from(head.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  if (start.startsWith('%pdf-')) return 'pdf';
  if (/^(\ufeff)?(<!doctype html|<html|<head|<body|<!--)/.test(start)) return 'html';
  return undefined;
}
