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
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../auth/decorators';
import { Role } from '../../auth/role.enum';
import { BrandsService } from '../../brands/brands.service';
import { CompaniesService } from '../../companies/companies.service';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { EvidenceService } from '../../evidence/evidence.service';
import { CreateFindingDto } from '../../findings/dto/create-finding.dto';
import { FindingsService } from '../../findings/findings.service';
import { EMPTY_FORM, type FormState } from '../common/fields';
import { setFlash } from '../common/flash';
import { field, formValues, type FormBody } from '../common/form-body';
import { formErrorsOf } from '../common/form-errors';
import { sendPage, webContext } from '../common/page';
import { runAction, runForm } from '../common/run-form';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { HistoryService } from '../history/history.service';
import { CaptureLoader } from './capture-loader';
import { newEvidenceOf } from './claim-form-helpers';
import { ClaimSupport } from './claim-support.service';
import type { ClaimSubject } from './commitment-pages';
import { FindingFormPage, FindingPage, toCreateFinding } from './finding-pages';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** Exposure findings of brands and groups: record one (with its source), see it with its evidence, submit it. */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@Controller('research')
export class ResearchFindingsController {
  constructor(
    private readonly findings: FindingsService,
    private readonly brands: BrandsService,
    private readonly companies: CompaniesService,
    private readonly evidence: EvidenceService,
    private readonly claims: ClaimSupport,
    private readonly captures: CaptureLoader,
    private readonly history: HistoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @RequireRoles(Role.Researcher)
  @Get('brands/:slug/findings/new')
  newFindingForBrand(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    return this.newFinding(request, response, 'brands', slug, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Get('companies/:slug/findings/new')
  newFindingForCompany(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    return this.newFinding(request, response, 'companies', slug, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post('brands/:slug/findings')
  createForBrand(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    return this.create(request, response, 'brands', slug, body, actor);
  }

  @RequireRoles(Role.Researcher)
  @Post('companies/:slug/findings')
  createForCompany(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    return this.create(request, response, 'companies', slug, body, actor);
  }

  @Get('findings/:id')
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ID) id: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    await this.render(request, response, id, viewer, EMPTY_FORM, 200);
  }

  @RequireRoles(Role.Researcher)
  @Post('findings/:id/evidence')
  async attach(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ID) id: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    await this.findings.get(id, actor);
    try {
      await this.claims.attach('finding', id, field(body, 'evidence'), actor);
    } catch (error: unknown) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      const form = { values: formValues(body), errors: refused.errors };
      return this.render(request, response, id, actor, form, refused.status);
    }
    setFlash(response, { kind: 'ok', text: 'The evidence is attached.' }, this.config.secureCookies);
    response.redirect(303, `/research/findings/${id}`);
  }

  @RequireRoles(Role.Researcher)
  @Post('findings/:id/submit')
  async submit(
    @Res() response: Response,
    @Param('id', ID) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    await runAction(response, this.config.secureCookies, `/research/findings/${id}`, async () => {
      await this.findings.submit(id, actor);
      const sources = await this.claims.submitOwnEvidence('finding', id, actor);
      return sources
        ? `The finding is submitted for review, with ${sources} piece(s) of evidence.`
        : 'The finding is submitted for review.';
    });
  }

  private async newFinding(
    request: Request,
    response: Response,
    kind: string,
    slug: string,
    viewer: AuthenticatedUser,
  ): Promise<void> {
    const subject = await this.subject(kind, slug, viewer);
    const ctx = webContext(request, response);
    sendPage(response, FindingFormPage({ ctx, form: EMPTY_FORM, subject }));
  }

  private async create(
    request: Request,
    response: Response,
    kind: string,
    slug: string,
    body: FormBody,
    actor: AuthenticatedUser,
  ): Promise<void> {
    const subject = await this.subject(kind, slug, actor);
    const source = await newEvidenceOf(body);
    const ctx = webContext(request, response);
    await runForm(response, {
      dto: CreateFindingDto,
      plain: toCreateFinding(body),
      values: formValues(body),
      otherErrors: source.errors,
      secureCookies: this.config.secureCookies,
      render: (form) => FindingFormPage({ ctx, form, subject }),
      write: async (input) => {
        const finding =
          subject.kind === 'brand'
            ? await this.findings.createForBrand(subject.slug, input, actor)
            : await this.findings.createForCompany(subject.slug, input, actor);
        if (source.evidence)
          await this.evidence.create({ ...source.evidence, findingIds: [finding.id] }, actor);
        return {
          redirect: `/research/findings/${finding.id}`,
          flash: source.evidence
            ? 'The finding and its source are saved as drafts; the source is being archived.'
            : 'The finding is saved as a draft. Attach its evidence before submitting it.',
        };
      },
    });
  }

  private async render(
    request: Request,
    response: Response,
    id: string,
    viewer: AuthenticatedUser,
    attachForm: FormState,
    status: number,
  ): Promise<void> {
    const finding = await this.findings.get(id, viewer);
    const [captures, history] = await Promise.all([
      this.captures.summariesOf(
        finding.evidence.map((item) => item.id),
        viewer,
      ),
      this.history.of('exposure_finding', id),
    ]);
    const ctx = webContext(request, response);
    sendPage(response, FindingPage({ ctx, finding, captures, history, attachForm }), status);
  }

  private async subject(kind: string, slug: string, viewer: AuthenticatedUser): Promise<ClaimSubject> {
    if (kind === 'brands') {
      const brand = await this.brands.get(slug, viewer);
      return { kind: 'brand', slug: brand.slug, name: brand.name };
    }
    const company = await this.companies.get(slug, viewer);
    return { kind: 'company', slug: company.slug, name: company.name };
  }
}
