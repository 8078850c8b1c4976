import type { Type } from '@nestjs/common';
import type { VNode } from 'preact';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import type { FormState } from '../common/fields';
import type { FormBody } from '../common/form-body';
import type { WebContext } from '../common/page';
import type { HistoryEntry } from '../history/history.service';
import type { CaptureSummary } from './capture-panel';
import type { ClaimKind } from './claim-evidence';
import type { ClaimSubject } from './claim-page-frame';

/**
 * What differs between the research pages of commitments and of findings; everything else (routes, forms,
 * attaching and submitting evidence) is written once in claimPagesController.
 */
export interface ClaimPages<
  Claim extends { id: string; evidence: Array<{ id: string }> },
  Input extends object,
> {
  readonly kind: ClaimKind;
  /** The entity type its history is recorded under in the audit log. */
  readonly auditEntity: string;
  readonly inputDto: Type<Input>;
  toInput(body: FormBody): Record<string, unknown>;
  get(id: string, viewer: AuthenticatedUser): Promise<Claim>;
  submit(id: string, actor: AuthenticatedUser): Promise<{ sourcesSubmitted: number }>;
  create(subject: ClaimSubject, input: Input, actor: AuthenticatedUser): Promise<{ id: string }>;
  /** The "new" form for a subject, with whatever it offers besides its fields loaded once. */
  formFor(
    subject: ClaimSubject,
    viewer: AuthenticatedUser,
  ): Promise<(ctx: WebContext, form: FormState) => VNode>;
  page(props: {
    ctx: WebContext;
    claim: Claim;
    captures: Map<string, CaptureSummary>;
    history: HistoryEntry[];
    attachForm: FormState;
  }): VNode;
}
