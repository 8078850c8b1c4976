import type { FlagView } from '../../monitoring/dto/flag.view';
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
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { ResolveFlagDto } from '../../monitoring/dto/resolve-flag.dto';
import { FLAG_STATUSES } from '../../monitoring/flags/flag.entity';
import { FlagsService } from '../../monitoring/flags/flags.service';
import { setFlash } from '../common/flash';
import { formValues, type FormBody } from '../common/form-body';
import { formErrorsOf, validateDto, type FieldErrors } from '../common/form-errors';
import { sendPage, webContext } from '../common/page';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { FlagQueueService } from './flag-queue.service';
import { formFieldErrors, toResolveFlag, type Resolution } from './flag-resolution';
import { FlagPage, FlagsPage } from './flags-page';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** Triage of the monitor's flags: read the diff and screenshots, then confirm (with drafts) or dismiss. */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@RequireRoles(Role.Reviewer)
@Controller('review/flags')
export class FlagsTriageController {
  constructor(
    private readonly queue: FlagQueueService,
    private readonly flags: FlagsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async list(
    @Req() request: Request,
    @Res() response: Response,
    @Query('status') status = 'open',
    @Query('significance') significance = '',
    @Query('cursor') cursor = '',
  ): Promise<void> {
    const state = FLAG_STATUSES.find((value) => value === status) ?? 'open';
    const weight = significance === 'major' || significance === 'minor' ? significance : undefined;
    const page = await this.queue.page({ status: state, significance: weight, cursor: cursor || undefined });
    const filters = { status: state, significance: weight ?? '' };
    const ctx = webContext(request, response);
    sendPage(response, FlagsPage({ ctx, cards: page.items, filters, nextCursor: page.nextCursor }));
  }

  @Get(':id')
  async show(@Req() request: Request, @Res() response: Response, @Param('id', ID) id: string): Promise<void> {
    const card = await this.queue.one(id);
    sendPage(response, FlagPage({ ctx: webContext(request, response), card }));
  }

  @Post(':id/confirm')
  confirm(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ID) id: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    return this.resolve(request, response, id, body, actor, 'confirmed');
  }

  @Post(':id/dismiss')
  dismiss(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ID) id: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    return this.resolve(request, response, id, body, actor, 'dismissed');
  }

  private async resolve(
    request: Request,
    response: Response,
    id: string,
    body: FormBody,
    actor: AuthenticatedUser,
    resolution: Resolution,
  ): Promise<void> {
    const again = async (errors: FieldErrors, status: number) => {
      const card = await this.queue.one(id);
      const failed = { resolution, form: { values: formValues(body), errors: formFieldErrors(errors) } };
      sendPage(response, FlagPage({ ctx: webContext(request, response), card, failed }), status);
    };
    const input = await validateDto(ResolveFlagDto, toResolveFlag(body, resolution));
    if (!input.ok) return again(input.errors, 400);
    let drafts = '';
    try {
      const resolved = await this.flags.resolve(id, input.value, actor);
      drafts = draftsMessage(resolved);
    } catch (error: unknown) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      return again(refused.errors, refused.status);
    }
    const text = `The flag is ${resolution}.${drafts}`;
    setFlash(response, { kind: 'ok', text }, this.config.secureCookies);
    response.redirect(303, '/review/flags');
  }
}

/** What confirming made, for the flash: drafts go up for review at once, for another reviewer to verify. */
function draftsMessage(resolved: FlagView): string {
  const record = resolved.createdCommitmentId ? 'commitment' : resolved.createdFindingId ? 'finding' : null;
  if (record) {
    return ` A ${record} and its evidence were drafted from the new page and submitted: another reviewer verifies them.`;
  }
  return resolved.createdEvidenceId ? ' The new page is logged as evidence and submitted for review.' : '';
}
