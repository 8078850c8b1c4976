import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CreateFindingDto } from '../../claims/findings/dto/create-finding.dto';
import type { FindingView } from '../../claims/findings/dto/finding.view';
import { FindingsService } from '../../claims/findings/findings.service';
import { ClosuresService } from '../../claims/findings/closures/closures.service';
import type { ClosureView } from '../../claims/findings/closures/dto/closure.view';
import type { FormBody } from '../common/form-body';
import { claimPagesController } from './claim-pages.controller';
import type { ClaimPages } from './claim-pages';
import type { ClaimSubject } from './claim-page-frame';
import { FindingFormPage, FindingPage, toCreateFinding } from './finding-pages';

type FindingWithClosures = FindingView & { closures: ClosureView[] };

/** Exposure findings on the research pages. */
@Injectable()
export class FindingPages implements ClaimPages<FindingWithClosures, CreateFindingDto> {
  readonly kind = 'finding' as const;
  readonly auditEntity = 'exposure_finding';
  readonly inputDto = CreateFindingDto;

  constructor(
    private readonly findings: FindingsService,
    private readonly closures: ClosuresService,
  ) {}

  toInput(body: FormBody): Record<string, unknown> {
    return toCreateFinding(body);
  }

  /** The finding with its closures (proposed, under review, verified), so its page shows how it ended. */
  async get(id: string, viewer: AuthenticatedUser): Promise<FindingWithClosures> {
    const [finding, closures] = await Promise.all([
      this.findings.get(id, viewer),
      this.closures.listForFinding(id, viewer),
    ]);
    return { ...finding, closures };
  }

  submit(id: string, actor: AuthenticatedUser): Promise<{ sourcesSubmitted: number }> {
    return this.findings.submit(id, actor);
  }

  create(subject: ClaimSubject, input: CreateFindingDto, actor: AuthenticatedUser): Promise<{ id: string }> {
    return subject.kind === 'brand'
      ? this.findings.createForBrand(subject.slug, input, actor)
      : this.findings.createForCompany(subject.slug, input, actor);
  }

  formFor(subject: ClaimSubject): ReturnType<ClaimPages<FindingWithClosures, object>['formFor']> {
    return Promise.resolve((ctx, form) => FindingFormPage({ ctx, form, subject }));
  }

  page({ claim, ...rest }: Parameters<ClaimPages<FindingWithClosures, object>['page']>[0]) {
    return FindingPage({ ...rest, finding: claim, closures: claim.closures });
  }
}

/** /research/findings/..., /research/{brands,companies}/:slug/findings/... */
export class ResearchFindingsController extends claimPagesController('findings', FindingPages) {}
