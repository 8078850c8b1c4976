import type { EvidenceCapture } from './capture.entity';

/**
 * Why a capture failed, in the words a reader needs ("not found", "gone", "blocked", "timed out"): the
 * error kind is the FetchError kind of a permanent failure, `http_status` for an answer of 400 or more, or
 * `exhausted` when every retry of a transient failure (timeout, 5xx, crash) failed too.
 */
export function captureFailureReason(capture: Pick<EvidenceCapture, 'errorKind' | 'httpStatus'>): string {
  switch (capture.errorKind) {
    case 'http_status':
      if (capture.httpStatus === 404) return 'not found (the page answered 404)';
      if (capture.httpStatus === 410) return 'gone (the page answered 410)';
      return `the page answered ${capture.httpStatus ?? 'with an error'}`;
    case 'gone':
      return 'gone (the host does not exist)';
    case 'blocked':
      return 'blocked (the address is not a public web address)';
    case 'invalid_url':
      return 'not a valid web address';
    case 'exhausted':
      return 'timed out or kept failing on every retry';
    case 'too_large':
      return 'the page is too large to archive';
    case 'unsupported_content':
      return 'the content type cannot be archived';
    case 'too_many_redirects':
      return 'too many redirects';
    case null:
      return 'unknown reason';
    default:
      return capture.errorKind;
  }
}
