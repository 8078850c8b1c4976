import type { SubjectRef } from '../../claims/claim-stack/subject-ref.view';
import { Page, type WebContext } from '../common/page';
import { StatusBadge } from '../common/status-badge';
import type { ComponentChildren } from 'preact';
import { ReviewPanel, type ReviewFacts } from './review-panel';

/** The brand or company group a claim belongs to, as the research pages link to it. */
export interface ClaimSubject {
  kind: 'brand' | 'company';
  slug: string;
  name: string;
}

export function subjectPath(subject: ClaimSubject): string {
  return `/research/${subject.kind === 'brand' ? 'brands' : 'companies'}/${subject.slug}`;
}

/** Who a commitment or finding is about: its brand when it has one, else its group. */
export function claimSubjectOf(claim: {
  brand: SubjectRef | null;
  company?: SubjectRef | null;
}): ClaimSubject {
  return claim.brand
    ? { kind: 'brand', slug: claim.brand.slug, name: claim.brand.name }
    : { kind: 'company', slug: claim.company?.slug ?? '', name: claim.company?.name ?? '' };
}

/**
 * The page of one commitment or finding: breadcrumbs, its title with its review status, the review panel
 * and the claim in its own words, then what the caller gives (its facts, evidence and history).
 */
export function ClaimPageFrame({
  ctx,
  claim,
  noun,
  path,
  label,
  statement,
  children,
}: {
  ctx: WebContext;
  claim: ReviewFacts & { id: string; brand: SubjectRef | null; company?: SubjectRef | null };
  /** "Commitment" or "Finding", for the breadcrumbs. */
  noun: string;
  /** The path segment of the claim's pages: commitments, findings. */
  path: string;
  /** What kind of claim it is, as its title starts. */
  label: string;
  statement: string;
  children: ComponentChildren;
}) {
  const subject = claimSubjectOf(claim);
  const title = `${label}: ${subject.name}`;
  return (
    <Page ctx={ctx} title={title}>
      <p class="breadcrumbs">
        <a href="/research">Research</a> › <a href={subjectPath(subject)}>{subject.name}</a> › {noun}
      </p>
      <h1>
        {title} <StatusBadge status={claim.status} />
      </h1>
      <ReviewPanel
        ctx={ctx}
        facts={claim}
        submitAction={`/research/${path}/${claim.id}/submit`}
        submitLabel="Submit for review, with its draft evidence"
      />
      <blockquote class="summary">{statement}</blockquote>
      {children}
    </Page>
  );
}
