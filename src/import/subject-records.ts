import { Injectable } from '@nestjs/common';
import { CommitmentsService } from '../claims/commitments/commitments.service';
import type { CommitmentView } from '../claims/commitments/dto/commitment.view';
import type { FindingView } from '../claims/findings/dto/finding.view';
import { FindingsService } from '../claims/findings/findings.service';
import type { Page } from '../platform/pagination/page';
import { SYSTEM_READER } from '../kernel/review/visibility';
import type { ImportSubject } from './catalogue-lookup';

const PAGE = 200;

/**
 * A subject's own commitments and findings in every review state (not its group's: a group's records are
 * matched under the group), read through the services' timelines page by page. Subjects hold a handful of
 * records, so this is one or two queries a row.
 */
@Injectable()
export class SubjectRecords {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly findings: FindingsService,
  ) {}

  async commitmentsOf(subject: ImportSubject): Promise<CommitmentView[]> {
    const all = await collect((cursor) =>
      'brand' in subject
        ? this.commitments.timelineForBrand(subject.brand.id, { limit: PAGE, cursor }, SYSTEM_READER)
        : this.commitments.timelineForCompany(subject.company.id, { limit: PAGE, cursor }, SYSTEM_READER),
    );
    return all.filter((item) => isOwn(subject, item));
  }

  async findingsOf(subject: ImportSubject): Promise<FindingView[]> {
    const all = await collect((cursor) =>
      this.findings.list(
        'brand' in subject
          ? { brand: subject.brand.id, limit: PAGE, cursor }
          : { company: subject.company.id, limit: PAGE, cursor },
        SYSTEM_READER,
      ),
    );
    return all.filter((item) => isOwn(subject, item));
  }
}

/** The ref (slug or id) the catalogue services take for a subject. */
export function subjectRef(subject: ImportSubject): { brand: string } | { company: string } {
  return 'brand' in subject ? { brand: subject.brand.slug } : { company: subject.company.slug };
}

function isOwn(
  subject: ImportSubject,
  item: { brand: { slug: string } | null; company: { slug: string } | null },
) {
  return 'brand' in subject
    ? item.brand?.slug === subject.brand.slug
    : item.company?.slug === subject.company.slug;
}

async function collect<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
