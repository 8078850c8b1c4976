import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { Role } from '../../identity/auth/role.enum';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { ReviewDecisionDto } from '../../kernel/review/dto/review-decision.dto';
import { setFlash } from '../common/flash';
import { field, formValues, optional, type FormBody } from '../common/form-body';
import { formErrorsOf, validateDto, type FieldErrors } from '../common/form-errors';
import { sendPage, webContext } from '../common/page';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { queueKindOf, ReviewQueueService } from './review-queue.service';
import { ReviewQueuePage, revisionFormKind, type FailedReview } from './review-queue-page';
import { RevisionDisplay, revisionKindOf } from './revision-display';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/**
 * The reviewers' queue of submitted entries and of changes to verified ones: verify, or reject with a
 * note. The services hold four eyes; a refusal comes back on the page, on the entry it concerns.
 */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@RequireRoles(Role.Reviewer)
@Controller('review')
export class ReviewController {
  constructor(
    private readonly queue: ReviewQueueService,
    private readonly revisions: RevisionDisplay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @CurrentUser() viewer: AuthenticatedUser) {
    await this.render(request, response, viewer);
  }

  @Post(':kind/:id')
  async decide(
    @Req() request: Request,
    @Res() response: Response,
    @Param('kind') kindParam: string,
    @Param('id', ID) id: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const kind = queueKindOf(kindParam);
    const again = (errors: FieldErrors, status: number) =>
      this.render(request, response, actor, { kind, id, form: { values: formValues(body), errors } }, status);
    const input = await validateDto(ReviewDecisionDto, {
      decision: field(body, 'decision'),
      note: optional(field(body, 'note')),
    });
    if (!input.ok) return again(input.errors, 400);
    try {
      const withSources = field(body, 'withSources') === 'on';
      await this.queue.review(kind, id, input.value.decision, input.value.note, actor, withSources);
    } catch (error: unknown) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return again(refused.errors, refused.status);
    }
    const verb = input.value.decision === 'verify' ? 'verified' : 'sent back to its author';
    setFlash(response, { kind: 'ok', text: `The ${kind} is ${verb}.` }, this.config.secureCookies);
    response.redirect(303, '/review');
  }

  @Post('revisions/:kind/:slug')
  async decideRevision(
    @Req() request: Request,
    @Res() response: Response,
    @Param('kind') kindParam: string,
    @Param('slug') slug: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const kind = revisionKindOf(kindParam);
    const again = (errors: FieldErrors, status: number) =>
      this.render(
        request,
        response,
        actor,
        { kind: revisionFormKind(kind), id: slug, form: { values: formValues(body), errors } },
        status,
      );
    const input = await validateDto(ReviewDecisionDto, {
      decision: field(body, 'decision'),
      note: optional(field(body, 'note')),
    });
    if (!input.ok) return again(input.errors, 400);
    let record: { name: string };
    try {
      record = await this.revisions.decide(kind, slug, input.value.decision, input.value.note, actor);
    } catch (error: unknown) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return again(refused.errors, refused.status);
    }
    const verb = input.value.decision === 'verify' ? 'verified: the public sees it now' : 'rejected';
    setFlash(
      response,
      { kind: 'ok', text: `The change to ${record.name} is ${verb}.` },
      this.config.secureCookies,
    );
    response.redirect(303, '/review#revisions');
  }

  private async render(
    request: Request,
    response: Response,
    viewer: AuthenticatedUser,
    failed?: FailedReview,
    status = 200,
  ): Promise<void> {
    const [items, revisions] = await Promise.all([this.queue.items(), this.revisions.waiting()]);
    const ctx = webContext(request, response);
    sendPage(response, ReviewQueuePage({ ctx, items, revisions, viewerId: viewer.id, failed }), status);
  }
}
