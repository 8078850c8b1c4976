import { DatePrecision } from '../../kernel/dates/known-date';
import { EvidenceKind } from '../../evidence/sources/evidence-kind';
import type { FlagDetailView } from '../../monitoring/dto/flag.view';
import { field, optional, type FormBody, type FormValues } from '../common/form-body';
import type { FieldErrors } from '../common/form-errors';

export type Resolution = 'confirmed' | 'dismissed';

/**
 * The confirm or dismiss form as a ResolveFlagDto. Confirming may prefill drafts from the new snapshot:
 * evidence pointing at the page (archived on save) and, when asked, a commitment supported by it.
 */
export function toResolveFlag(body: FormBody, resolution: Resolution): Record<string, unknown> {
  const note = optional(field(body, 'note'));
  if (resolution === 'dismissed') return { resolution, note };
  const create: Record<string, unknown> = {};
  const wantsCommitment = field(body, 'createCommitment') === 'yes';
  if (wantsCommitment) {
    create.commitment = {
      type: field(body, 'commitment.type'),
      statedOn: field(body, 'commitment.statedOn'),
      statedOnPrecision: field(body, 'commitment.statedOnPrecision'),
      summary: field(body, 'commitment.summary'),
    };
  }
  if (wantsCommitment || field(body, 'createEvidence') === 'yes') {
    create.evidence = { kind: optional(field(body, 'evidence.kind')) };
  }
  return { resolution, note, create: Object.keys(create).length ? create : undefined };
}

/** The DTO nests drafts under `create.`; the form's fields do not. */
export function formFieldErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([name, reasons]) => [name.replace(/^create\./, ''), reasons]),
  );
}

/**
 * What the confirm form starts with: a statement known to be on the page by the day it was fetched
 * ("known by"), summarised by the sentences the change added.
 */
export function confirmDefaults(flag: FlagDetailView): FormValues {
  const fetched = flag.newSnapshot?.fetchedAt ?? flag.createdAt;
  return {
    createEvidence: 'yes',
    'evidence.kind': EvidenceKind.CompanyStatement,
    'commitment.statedOn': fetched.slice(0, 10),
    'commitment.statedOnPrecision': DatePrecision.KnownBy,
    'commitment.summary': flag.added.join(' ').slice(0, 2000),
  };
}
