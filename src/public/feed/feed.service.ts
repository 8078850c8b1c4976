import { Injectable } from '@nestjs/common';
import {
  COMMITMENT_TYPE_LABELS,
  DISCLOSURE_KIND_LABELS,
  FINDING_KIND_LABELS,
} from '../../scorecards/methodology';
import { type AtomEntry, renderAtom } from './atom';
import { FeedRepository, type FeedRow } from './feed.repository';

const ENTRIES = 50;

/** `GET /feed.atom`: the newest verified commitments, retractions, findings and disclosures. */
@Injectable()
export class FeedService {
  constructor(private readonly feed: FeedRepository) {}

  async atom(origin: string): Promise<string> {
    const rows = await this.feed.recentlyVerified(ENTRIES);
    const entries = rows.map((row) => toEntry(row, origin));
    return renderAtom({
      id: `${origin}/feed.atom`,
      title: 'Pledgewatch: verified changes',
      selfLink: `${origin}/feed.atom`,
      siteLink: `${origin}/`,
      // A fixed date while empty, so the document (and its ETag) only changes with the data.
      updated: entries[0]?.updated ?? '2026-01-01T00:00:00.000Z',
      entries,
    });
  }
}

function toEntry(row: FeedRow, origin: string): AtomEntry {
  const subject = row.brand_name ?? `${row.company_name ?? 'A group'} (group)`;
  const link = row.brand_slug
    ? `${origin}/brands/${row.brand_slug}`
    : `${origin}/brands?q=${encodeURIComponent(row.company_name ?? '')}`;
  return {
    id: `${origin}/records/${row.record}/${row.id}`,
    title: `${subject}: ${labelOf(row)}`,
    link,
    updated: new Date(row.reviewed_at).toISOString(),
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
