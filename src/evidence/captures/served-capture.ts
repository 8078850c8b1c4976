import type { Response } from 'express';
import type { EvidenceCapture } from './capture.entity';

/**
 * No scripts, no plugins, no forms, no navigation of the top window (sandbox without allow-*), nothing loaded
 * from anywhere (default-src 'none'), only inline styles and data: images so the copy stays readable.
 */
export const ARCHIVED_COPY_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** Headers every served part of a capture carries: what it is, where and when it was taken, its hash. */
export function setCaptureHeaders(
  response: Response,
  capture: EvidenceCapture,
  part: { contentType: string; sha256: string; filename: string; disposition?: 'inline' | 'attachment' },
): void {
  response.setHeader('Content-Type', part.contentType);
  response.setHeader('Content-Security-Policy', ARCHIVED_COPY_CSP);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Disposition', `${part.disposition ?? 'inline'}; filename="${part.filename}"`);
  response.setHeader('X-Capture-SHA256', part.sha256);
  response.setHeader('X-Capture-Version', String(capture.version));
  response.setHeader('X-Capture-Time', capture.capturedAt?.toISOString() ?? '');
  // Header values must be ASCII: encodeURI keeps a URL readable and leaves ASCII URLs as they are.
  response.setHeader('X-Capture-Final-URL', encodeURI(safeDecode(capture.finalUrl ?? capture.requestedUrl)));
  response.setHeader('X-Capture-Status', String(capture.httpStatus ?? ''));
  // Archived copies never change; readers who may see one now may cache it briefly.
  response.setHeader('Cache-Control', 'private, max-age=300');
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

const EXTENSION_OF: Record<string, string> = {
  'text/html': 'html',
  'application/xhtml+xml': 'xhtml',
  'text/plain': 'txt',
  'application/pdf': 'pdf',
};

/** A file name that tells what the original bytes are, so a downloaded original opens in the right program. */
export function originalFilename(evidenceId: string, capture: EvidenceCapture): string {
  const extension = EXTENSION_OF[capture.contentType ?? ''] ?? 'bin';
  return `capture-${evidenceId}-v${capture.version}-original.${extension}`;
}
