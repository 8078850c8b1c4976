import { CommitmentType } from '../../kernel/as-of/commitment-type';
import { DatePrecision } from '../../kernel/dates/known-date';
import { EvidenceKind } from '../../evidence/sources/evidence-kind';
import { FindingKind } from '../../claims/findings/finding-kind';
import { field, optional, type FormBody, type FormValues } from '../common/form-body';
import type { FieldErrors } from '../common/form-errors';
import type { FlagCard, StandingStatement } from './flag-queue.service';

export type Resolution = 'confirmed' | 'dismissed';

/** What confirming a flag may draft besides its evidence. */
export const DRAFT_CHOICES = ['none', 'commitment', 'retraction', 'finding'] as const;
export type DraftChoice = (typeof DRAFT_CHOICES)[number];

/**
 * The confirm or dismiss form as a ResolveFlagDto. Confirming drafts evidence from the new snapshot (archived
 * on save) and, as chosen, a commitment, a retraction or a finding supported by it.
 */
export function toResolveFlag(body: FormBody, resolution: Resolution): Record<string, unknown> {
  const note = optional(field(body, 'note'));
  if (resolution === 'dismissed') return { resolution, note };
  // Older forms (and scripts) ask for a commitment with a checkbox.
  const chosen = field(body, 'draft') || (field(body, 'createCommitment') === 'yes' ? 'commitment' : 'none');
  const draft = chosen as DraftChoice;
  const create: Record<string, unknown> = {};
  const dated = {
    statedOn: field(body, 'commitment.statedOn'),
    statedOnPrecision: field(body, 'commitment.statedOnPrecision'),
    summary: field(body, 'commitment.summary'),
  };
  if (draft === 'commitment') {
    create.commitment = {
      ...dated,
      type: field(body, 'commitment.type'),
      supersedesId: optional(field(body, 'commitment.supersedesId')),
    };
  }
  if (draft === 'retraction') {
    create.commitment = {
      ...dated,
      type: CommitmentType.Retraction,
      retractsId: optional(field(body, 'commitment.retractsId')),
    };
  }
  if (draft === 'finding') {
    create.finding = {
      kind: field(body, 'finding.kind'),
      publishedOn: dated.statedOn,
      publishedOnPrecision: dated.statedOnPrecision,
      finding: dated.summary,
    };
  }
  if (Object.keys(create).length || field(body, 'createEvidence') === 'yes') {
    create.evidence = { kind: optional(field(body, 'evidence.kind')) };
  }
  return { resolution, note, create: Object.keys(create).length ? create : undefined };
}

/** The DTO nests drafts under `create.`; the form's fields do not (a finding's text is the summary field). */
export function formFieldErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([name, reasons]) => [
      name
        .replace(/^create\./, '')
        .replace(/^finding\.(publishedOn)$/, 'commitment.statedOn')
        .replace(/^finding\.(publishedOnPrecision)$/, 'commitment.statedOnPrecision')
        .replace(/^finding\.finding$/, 'commitment.summary'),
      reasons,
    ]),
  );
}

/**
 * What a change suggests a reviewer drafts: a statement that disappeared suggests a retraction of the
 * statement standing; one that was reworded (softened, narrowed) a new commitment superseding it; new text
 * alone a new commitment. A minor flag suggests nothing but the evidence.
 */
export function suggestDraft(card: Pick<FlagCard, 'flag' | 'standing'>): {
  draft: DraftChoice;
  replaces?: StandingStatement;
} {
  const { flag, standing } = card;
  if (flag.significance !== 'major') return { draft: 'none' };
  const replaces = standing.find((s) => s.type !== CommitmentType.Retraction);
  if (flag.removed.length && !flag.added.length) return { draft: 'retraction', replaces };
  return { draft: 'commitment', replaces: flag.removed.length ? replaces : undefined };
}

/**
 * What the confirm form starts with: the suggested draft, a statement known to be on the page by the day it
 * was fetched ("known by"), summarised by the sentences the change added (or, for a retraction, removed).
 */
export function confirmDefaults(card: Pick<FlagCard, 'flag' | 'standing'>): FormValues {
  const { flag } = card;
  const fetched = flag.newSnapshot?.fetchedAt ?? flag.createdAt;
  const suggestion = suggestDraft(card);
  const text = suggestion.draft === 'retraction' ? flag.removed : flag.added;
  return {
    createEvidence: 'yes',
    draft: suggestion.draft,
    'evidence.kind': EvidenceKind.CompanyStatement,
    'commitment.type': suggestion.replaces?.type ?? CommitmentType.PolicyNoRegionSourcing,
    'commitment.supersedesId': suggestion.draft === 'commitment' ? (suggestion.replaces?.id ?? '') : '',
    'commitment.retractsId': suggestion.draft === 'retraction' ? (suggestion.replaces?.id ?? '') : '',
    'commitment.statedOn': fetched.slice(0, 10),
    'commitment.statedOnPrecision': DatePrecision.KnownBy,
    'commitment.summary': text.join(' ').slice(0, 2000),
    'finding.kind': FindingKind.Other,
  };
}
