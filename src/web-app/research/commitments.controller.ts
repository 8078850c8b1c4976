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
import { CommitmentsService } from '../../commitments/commitments.service';
import { CreateCommitmentDto } from '../../commitments/dto/create-commitment.dto';
import { CompaniesService } from '../../companies/companies.service';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { EvidenceService } from '../../evidence/evidence.service';
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
import { toCreateCommitment } from './commitment-form';
import { CommitmentFormPage, CommitmentPage, type ClaimSubject } from './commitment-pages';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** Commitments of brands and groups: record one (with its source), see it with its evidence, submit it. */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@Controller('research')
export class ResearchCommitmentsController {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly brands: BrandsService,
    private readonly companies: CompaniesService,
    private readonly evidence: EvidenceService,
    private readonly claims: ClaimSupport,
    private readonly captures: CaptureLoader,
    private readonly history: HistoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @RequireRoles(Role.Researcher)
  @Get('brands/:slug/commitments/new')
  newForBrand(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    return this.newCommitment(request, response, 'brands', slug, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Get('companies/:slug/commitments/new')
  newForCompany(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    return this.newCommitment(request, response, 'companies', slug, viewer);
  }

  @RequireRoles(Role.Researcher)
  @Post('brands/:slug/commitments')
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
  @Post('companies/:slug/commitments')
  createForCompany(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    return this.create(request, response, 'companies', slug, body, actor);
  }

  @Get('commitments/:id')
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ID) id: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    await this.render(request, response, id, viewer, EMPTY_FORM, 200);
  }

  @RequireRoles(Role.Researcher)
  @Post('commitments/:id/evidence')
  async attach(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ID) id: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    await this.commitments.get(id, actor);
    try {
      await this.claims.attach('commitment', id, field(body, 'evidence'), actor);
    } catch (error: unknown) {
      const refused = formErrorsOf(error);
      if (!refused) throw error;
      const form = { values: formValues(body), errors: refused.errors };
      return this.render(request, response, id, actor, form, refused.status);
    }
    setFlash(response, { kind: 'ok', text: 'The evidence is attached.' }, this.config.secureCookies);
    response.redirect(303, `/research/commitments/${id}`);
  }

  @RequireRoles(Role.Researcher)
  @Post('commitments/:id/submit')
  async submit(
    @Res() response: Response,
    @Param('id', ID) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    await runAction(response, this.config.secureCookies, `/research/commitments/${id}`, async () => {
      await this.commitments.submit(id, actor);
      const sources = await this.claims.submitOwnEvidence('commitment', id, actor);
      return sources
        ? `The commitment is submitted for review, with ${sources} piece(s) of evidence.`
        : 'The commitment is submitted for review.';
    });
  }

  private async newCommitment(
    request: Request,
    response: Response,
    kind: string,
    slug: string,
    viewer: AuthenticatedUser,
  ): Promise<void> {
    const subject = await this.subject(kind, slug, viewer);
    const previous = await this.previous(subject, viewer);
    const ctx = webContext(request, response);
    sendPage(response, CommitmentFormPage({ ctx, form: EMPTY_FORM, subject, previous }));
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
    const previous = await this.previous(subject, actor);
    const source = await newEvidenceOf(body);
    const ctx = webContext(request, response);
    await runForm(response, {
      dto: CreateCommitmentDto,
      plain: toCreateCommitment(body),
      values: formValues(body),
      otherErrors: source.errors,
      secureCookies: this.config.secureCookies,
      render: (form) => CommitmentFormPage({ ctx, form, subject, previous }),
      write: async (input) => {
        const commitment =
          subject.kind === 'brand'
            ? await this.commitments.createForBrand(subject.slug, input, actor)
            : await this.commitments.createForCompany(subject.slug, input, actor);
        if (source.evidence)
          await this.evidence.create({ ...source.evidence, commitmentIds: [commitment.id] }, actor);
        return {
          redirect: `/research/commitments/${commitment.id}`,
          flash: source.evidence
            ? 'The commitment and its source are saved as drafts; the source is being archived.'
            : 'The commitment is saved as a draft. Attach its evidence before submitting it.',
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
    const commitment = await this.commitments.get(id, viewer);
    const [captures, history] = await Promise.all([
      this.captures.summariesOf(
        commitment.evidence.map((item) => item.id),
        viewer,
      ),
      this.history.of('commitment', id),
    ]);
    const ctx = webContext(request, response);
    sendPage(response, CommitmentPage({ ctx, commitment, captures, history, attachForm }), status);
  }

  private async subject(kind: string, slug: string, viewer: AuthenticatedUser): Promise<ClaimSubject> {
    if (kind === 'brands') {
      const brand = await this.brands.get(slug, viewer);
      return { kind: 'brand', slug: brand.slug, name: brand.name };
    }
    const company = await this.companies.get(slug, viewer);
    return { kind: 'company', slug: company.slug, name: company.name };
  }

  private async previous(subject: ClaimSubject, viewer: AuthenticatedUser) {
    const page =
      subject.kind === 'brand'
        ? await this.commitments.timelineForBrand(subject.slug, { limit: 100 }, viewer)
        : await this.commitments.timelineForCompany(subject.slug, { limit: 100 }, viewer);
    return page.items;
  }
}
