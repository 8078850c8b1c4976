import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import {
  COMMITMENT_TYPE_LABELS,
  DISCLOSURE_KIND_LABELS,
  FINDING_KIND_LABELS,
} from '../../scorecards/methodology';
import { type AtomEntry, renderAtom } from './atom';
import { FeedRepository, type FeedRow } from './feed.repository';

const ENTRIES = 50;

/**
 * The date in our `tag:` URIs (RFC 4151): any day on which the installation's domain was its own will do, and it
 * must never change, or every id changes with it and feed readers see every entry as new again.
 */
const TAG_DATE = '2026';

/**
 * `GET /feed.atom`: the newest verified commitments, retractions, findings and disclosures. Every id and link
 * comes from the configured public URL, never from the request, so the feed is the same bytes whatever Host a
 * client used (and a forged Host cannot put someone else's links in it).
 */
@Injectable()
export class FeedService {
  constructor(
    private readonly feed: FeedRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async atom(): Promise<string> {
    const origin = this.config.publicUrl;
    const rows = await this.feed.recentlyVerified(ENTRIES);
    const entries = rows.map((row) => toEntry(row, origin));
    return renderAtom({
      id: `${tagPrefix(origin)}feed`,
      title: 'Pledgewatch: verified changes',
      selfLink: `${origin}/feed.atom`,
      siteLink: `${origin}/`,
      // A fixed date while empty, so the document (and its ETag) only changes with the data.
      updated: entries[0]?.updated ?? '2026-01-01T00:00:00.000Z',
      entries,
    });
  }
}

/** `tag:pledgewatch.example.org,2026:`: a tag URI names, it is never fetched, so it cannot answer 404. */
function tagPrefix(origin: string): string {
  return `tag:${new URL(origin).hostname},${TAG_DATE}:`;
}

function toEntry(row: FeedRow, origin: string): AtomEntry {
  const subject = row.brand_name ?? `${row.company_name ?? 'A group'} (group)`;
  // The brand page lists the record in its timeline under this anchor (components/timeline.tsx).
  const link = row.brand_slug
    ? `${origin}/brands/${encodeURIComponent(row.brand_slug)}#${row.record}-${row.id}`
    : `${origin}/brands?q=${encodeURIComponent(row.company_name ?? '')}`;
  return {
    id: `${tagPrefix(origin)}${row.record}/${row.id}`,
    title: `${subject}: ${labelOf(row)}`,
    link,
    published: `${row.effective_on}T00:00:00.000Z`,
    updated: new Date(row.changed_at).toISOString(),
    summary: `${row.text} (counts from ${row.effective_on})`,
  };
}

function labelOf(row: FeedRow): string {
  switch (row.record) {
    case 'commitment':
      return COMMITMENT_TYPE_LABELS[row.type as keyof typeof COMMITMENT_TYPE_LABELS] ?? row.type;
    case 'finding':
      return FINDING_KIND_LABELS[row.type as keyof typeof FINDING_KIND_LABELS] ?? row.type;
    case 'disclosure':
      return `Disclosed: ${DISCLOSURE_KIND_LABELS[row.type as keyof typeof DISCLOSURE_KIND_LABELS] ?? row.type}`;
  }
}
