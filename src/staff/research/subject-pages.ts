import type { Type } from '@nestjs/common';
import type { VNode } from 'preact';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import type { CommitmentView } from '../../claims/commitments/dto/commitment.view';
import type { FindingView } from '../../claims/findings/dto/finding.view';
import type { ReviewStatus } from '../../kernel/review/review-status';
import type { FormState } from '../common/fields';
import type { FormBody, FormValues } from '../common/form-body';
import type { WebContext } from '../common/page';
import type { HistoryEntry } from '../history/history.service';
import type { RevisionItem, RevisionKind } from '../review/revision-display';

/** What the research pages need of a brand or a company group, as its service returns it. */
export interface SubjectRecord {
  id: string;
  slug: string;
  name: string;
  status: ReviewStatus;
}

/**
 * What differs between the research pages of brands and of company groups; the routes and the form flow
 * (add, see, edit, submit) are written once in subjectPagesController.
 */
export interface SubjectPages<Subject extends SubjectRecord, Create extends object, Update extends object> {
  /** The entity type its history is recorded under in the audit log; also the kind of its revisions. */
  readonly auditEntity: RevisionKind;
  readonly createDto: Type<Create>;
  readonly updateDto: Type<Update>;
  toCreate(body: FormBody): Record<string, unknown>;
  toUpdate(body: FormBody): Record<string, unknown>;
  /** The edit form's values for a record as it stands. */
  formValues(subject: Subject): FormValues;
  get(slug: string, viewer: AuthenticatedUser): Promise<Subject>;
  create(input: Create, actor: AuthenticatedUser): Promise<Subject>;
  update(slug: string, input: Update, actor: AuthenticatedUser): Promise<Subject>;
  submit(slug: string, actor: AuthenticatedUser): Promise<Subject>;
  /** Its own commitments and findings (not those of its group), for its page. */
  claims(
    subject: Subject,
    viewer: AuthenticatedUser,
  ): Promise<{ commitments: CommitmentView[]; findings: FindingView[] }>;
  /** The add form, or the edit form of `editing`. */
  formPage(ctx: WebContext, form: FormState, editing?: Subject): VNode;
  page(props: {
    ctx: WebContext;
    subject: Subject;
    commitments: CommitmentView[];
    findings: FindingView[];
    history: HistoryEntry[];
    /** A change of the verified record waiting for review. */
    revision: RevisionItem | null;
  }): VNode;
}
