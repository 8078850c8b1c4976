import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import type { CommitmentView } from '../../claims/commitments/dto/commitment.view';
import { CommitmentsService } from '../../claims/commitments/commitments.service';
import { CreateCommitmentDto } from '../../claims/commitments/dto/create-commitment.dto';
import type { FormBody } from '../common/form-body';
import { claimPagesController } from './claim-pages.controller';
import type { ClaimPages } from './claim-pages';
import { toCreateCommitment } from './commitment-form';
import type { ClaimSubject } from './claim-page-frame';
import { CommitmentFormPage, CommitmentPage } from './commitment-pages';

/** Commitments on the research pages; the form offers the subject's earlier commitments to replace. */
@Injectable()
export class CommitmentPages implements ClaimPages<CommitmentView, CreateCommitmentDto> {
  readonly kind = 'commitment' as const;
  readonly auditEntity = 'commitment';
  readonly inputDto = CreateCommitmentDto;

  constructor(private readonly commitments: CommitmentsService) {}

  toInput(body: FormBody): Record<string, unknown> {
    return toCreateCommitment(body);
  }

  get(id: string, viewer: AuthenticatedUser): Promise<CommitmentView> {
    return this.commitments.get(id, viewer);
  }

  submit(id: string, actor: AuthenticatedUser): Promise<{ sourcesSubmitted: number }> {
    return this.commitments.submit(id, actor);
  }

  create(
    subject: ClaimSubject,
    input: CreateCommitmentDto,
    actor: AuthenticatedUser,
  ): Promise<{ id: string }> {
    return subject.kind === 'brand'
      ? this.commitments.createForBrand(subject.slug, input, actor)
      : this.commitments.createForCompany(subject.slug, input, actor);
  }

  async formFor(
    subject: ClaimSubject,
    viewer: AuthenticatedUser,
  ): ReturnType<ClaimPages<CommitmentView, object>['formFor']> {
    const page =
      subject.kind === 'brand'
        ? await this.commitments.timelineForBrand(subject.slug, { limit: 100 }, viewer)
        : await this.commitments.timelineForCompany(subject.slug, { limit: 100 }, viewer);
    const previous = page.items;
    return (ctx, form) => CommitmentFormPage({ ctx, form, subject, previous });
  }

  page({ claim, ...rest }: Parameters<ClaimPages<CommitmentView, object>['page']>[0]) {
    return CommitmentPage({ ...rest, commitment: claim });
  }
}

/** /research/commitments/..., /research/{brands,companies}/:slug/commitments/... */
export class ResearchCommitmentsController extends claimPagesController('commitments', CommitmentPages) {}
