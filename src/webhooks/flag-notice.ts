/**
 * What the monitor tells webhooks about a new flag. The monitor fills it in when it raises the flag, so
 * webhooks never read the monitor's tables.
 */
export interface FlagNotice {
  /** Absent: a monitored page changed. `listed_supplier`: a new entity-list entry is a brand's supplier (screening). */
  kind?: 'listed_supplier';
  flagId: string;
  significance: 'minor' | 'major';
  brand: { slug: string; name: string };
  /** The watched page the change was seen on. */
  url: string;
  /** Lexicon terms the change matched (e.g. "Xinjiang", "forced labour"). */
  terms: string[];
  /** One line for people, e.g. "Statement no longer says it does not source from the region". */
  summary?: string;
  /** Where a reviewer opens the flag, when the monitor knows it. */
  reviewUrl?: string;
  raisedAt: string;
}
