import { comparableSentences, type ExtractedPage } from '../../../scrapers';
import { sha256Hex } from '../../evidence/archive/blob-store';

/**
 * SHA-256 of what compare reads: the page's sentences with dates, counters, prices and tokens masked and
 * consent and shop furniture dropped. A page whose only change is noise keeps its hash, so it stores no
 * new snapshot at all, let alone a flag.
 */
export function contentHash(page: ExtractedPage): string {
  const keys = comparableSentences(page.sentences).map((item) => item.key);
  return sha256Hex(keys.join('\n'));
}
