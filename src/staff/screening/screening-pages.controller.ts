import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { Role } from '../../identity/auth/role.enum';
import { looksLikeCursor } from '../../platform/pagination/cursor';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { setFlash } from '../common/flash';
import { formValues, type FormBody } from '../common/form-body';
import { validateDto } from '../common/form-errors';
import { sendPage, webContext } from '../common/page';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { CandidatesService } from '../../screening/candidates/candidates.service';
import { CandidateState } from '../../screening/candidates/screening-candidate.entity';
import { DismissCandidateDto } from '../../screening/dto/candidate-decision.dto';
import { ScreeningQueuePage, type FailedDismissal } from './screening-queue-page';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** /research/screening: the screening queue as a page (works without scripts), over the API's service. */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@RequireRoles(Role.Researcher)
@Controller('research/screening')
export class ScreeningPagesController {
  constructor(
    private readonly candidates: CandidatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Query('cursor') cursor?: string,
  ): Promise<void> {
    await this.render(
      request,
      response,
      typeof cursor === 'string' && looksLikeCursor(cursor) ? cursor : undefined,
    );
  }

  @Post(':id/confirm')
  async confirm(
    @Res() response: Response,
    @Param('id', ID) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const { findingId } = await this.candidates.confirm(id, undefined, actor);
    const text = 'Confirmed: a draft finding citing both lists. Check it, then submit it for review.';
    setFlash(response, { kind: 'ok', text }, this.config.secureCookies);
    response.redirect(303, `/research/findings/${findingId}`);
  }

  @Post(':id/dismiss')
  async dismiss(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ID) id: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const checked = await validateDto(DismissCandidateDto, {
      reason: typeof body.reason === 'string' ? body.reason.trim() : '',
    });
    if (!checked.ok) {
      const failed = { id, form: { values: formValues(body), errors: checked.errors } };
      return this.render(request, response, undefined, failed, 400);
    }
    await this.candidates.dismiss(id, checked.value.reason, actor);
    setFlash(
      response,
      { kind: 'ok', text: 'Dismissed; not suggested again unless either side changes.' },
      this.config.secureCookies,
    );
    response.redirect(303, '/research/screening');
  }

  private async render(
    request: Request,
    response: Response,
    cursor: string | undefined,
    failed?: FailedDismissal,
    status = 200,
  ): Promise<void> {
    const page = await this.candidates.list(CandidateState.Open, cursor);
    const ctx = webContext(request, response);
    sendPage(
      response,
      ScreeningQueuePage({ ctx, candidates: page.items, nextCursor: page.nextCursor, failed }),
      status,
    );
  }
}
