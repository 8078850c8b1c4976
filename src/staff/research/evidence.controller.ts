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
import { CreateEvidenceDto } from '../../evidence/sources/dto/create-evidence.dto';
import { toEvidenceView } from '../../evidence/sources/dto/evidence.view';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { EMPTY_FORM } from '../common/fields';
import { field, formValues, type FormBody } from '../common/form-body';
import { sendPage, webContext } from '../common/page';
import { runAction, runForm } from '../common/run-form';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { HistoryService } from '../history/history.service';
import { CaptureLoader } from './capture-loader';
import { toCreateEvidence } from './evidence-form';
import { EvidenceFormPage, EvidencePage, type EvidenceTarget } from './evidence-pages';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Evidence: log a source (optionally for a claim), see it beside its archived capture, submit it. */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@Controller('research/evidence')
export class ResearchEvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly captures: CaptureLoader,
    private readonly history: HistoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @RequireRoles(Role.Researcher)
  @Get('new')
  newEvidence(
    @Req() request: Request,
    @Res() response: Response,
    @Query('commitment') commitment?: string,
    @Query('finding') finding?: string,
  ): void {
    const target = targetOf(commitment, finding);
    sendPage(response, EvidenceFormPage({ ctx: webContext(request, response), form: EMPTY_FORM, target }));
  }

  @RequireRoles(Role.Researcher)
  @Post()
  async create(
    @Req() request: Request,
    @Res() response: Response,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const target = targetOf(field(body, 'commitmentId'), field(body, 'findingId'));
    const ctx = webContext(request, response);
    await runForm(response, {
      dto: CreateEvidenceDto,
      plain: {
        ...toCreateEvidence(body),
        commitmentIds: target?.kind === 'commitment' ? [target.id] : undefined,
        findingIds: target?.kind === 'finding' ? [target.id] : undefined,
      },
      values: formValues(body),
      secureCookies: this.config.secureCookies,
      render: (form) => EvidenceFormPage({ ctx, form, target }),
      write: async (input) => {
        const saved = await this.evidence.create(input, actor);
        return {
          redirect: target ? `/research/${target.kind}s/${target.id}` : `/research/evidence/${saved.id}`,
          flash: 'The evidence is saved as a draft and is being archived.',
        };
      },
    });
  }

  @Get(':id')
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ID) id: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    const evidence = toEvidenceView(await this.evidence.get(id, viewer));
    const [capture, history] = await Promise.all([
      this.captures.summaryOf(id, viewer),
      this.history.of('evidence', id, viewer),
    ]);
    sendPage(response, EvidencePage({ ctx: webContext(request, response), evidence, capture, history }));
  }

  @RequireRoles(Role.Researcher)
  @Post(':id/submit')
  async submit(
    @Res() response: Response,
    @Param('id', ID) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    await runAction(response, this.config.secureCookies, `/research/evidence/${id}`, async () => {
      await this.evidence.submit(id, actor);
      return 'The evidence is submitted for review.';
    });
  }
}

function targetOf(commitment: string | undefined, finding: string | undefined): EvidenceTarget | undefined {
  if (commitment && UUID.test(commitment)) return { kind: 'commitment', id: commitment };
  if (finding && UUID.test(finding)) return { kind: 'finding', id: finding };
  return undefined;
}
