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
  type Type,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { Role } from '../../identity/auth/role.enum';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { CompaniesService } from '../../catalogue/companies/companies.service';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { EvidenceService } from '../../evidence/sources/evidence.service';
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
import type { ClaimPages } from './claim-pages';
import { ClaimSupport, evidenceTargets } from './claim-support.service';
import type { ClaimSubject } from './claim-page-frame';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
type SubjectKind = 'brands' | 'companies';
type AnyClaimPages = ClaimPages<{ id: string; evidence: Array<{ id: string }> }, object>;

/**
 * The research pages of one kind of claim (commitments or findings) of brands and groups: record one with
 * its source, see it with its evidence and history, attach evidence, submit it. `pages` is the provider that
 * says what differs; subclass the result to name the controller.
 */
export function claimPagesController(path: string, pages: Type<AnyClaimPages>): Type<object> {
  @ApiExcludeController()
  @UseFilters(SignInRedirectFilter)
  @Controller('research')
  class ClaimPagesController {
    constructor(
      @Inject(pages) private readonly claims: AnyClaimPages,
      private readonly brands: BrandsService,
      private readonly companies: CompaniesService,
      private readonly evidence: EvidenceService,
      private readonly support: ClaimSupport,
      private readonly captures: CaptureLoader,
      private readonly history: HistoryService,
      @Inject(APP_CONFIG) private readonly config: AppConfig,
    ) {}

    @RequireRoles(Role.Researcher)
    @Get(`brands/:slug/${path}/new`)
    newForBrand(
      @Req() request: Request,
      @Res() response: Response,
      @Param('slug') slug: string,
      @CurrentUser() viewer: AuthenticatedUser,
    ): Promise<void> {
      return this.newClaim(request, response, 'brands', slug, viewer);
    }

    @RequireRoles(Role.Researcher)
    @Get(`companies/:slug/${path}/new`)
    newForCompany(
      @Req() request: Request,
      @Res() response: Response,
      @Param('slug') slug: string,
      @CurrentUser() viewer: AuthenticatedUser,
    ): Promise<void> {
      return this.newClaim(request, response, 'companies', slug, viewer);
    }

    @RequireRoles(Role.Researcher)
    @Post(`brands/:slug/${path}`)
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
    @Post(`companies/:slug/${path}`)
    createForCompany(
      @Req() request: Request,
      @Res() response: Response,
      @Param('slug') slug: string,
      @Body() body: FormBody,
      @CurrentUser() actor: AuthenticatedUser,
    ): Promise<void> {
      return this.create(request, response, 'companies', slug, body, actor);
    }

    @Get(`${path}/:id`)
    async show(
      @Req() request: Request,
      @Res() response: Response,
      @Param('id', ID) id: string,
      @CurrentUser() viewer: AuthenticatedUser,
    ): Promise<void> {
      await this.render(request, response, id, viewer, EMPTY_FORM, 200);
    }

    @RequireRoles(Role.Researcher)
    @Post(`${path}/:id/evidence`)
    async attach(
      @Req() request: Request,
      @Res() response: Response,
      @Param('id', ID) id: string,
      @Body() body: FormBody,
      @CurrentUser() actor: AuthenticatedUser,
    ): Promise<void> {
      await this.claims.get(id, actor);
      try {
        await this.support.attach(this.claims.kind, id, field(body, 'evidence'), actor);
      } catch (error: unknown) {
        const refused = formErrorsOf(error);
        if (!refused) throw error;
        const form = { values: formValues(body), errors: refused.errors };
        return this.render(request, response, id, actor, form, refused.status);
      }
      setFlash(response, { kind: 'ok', text: 'The evidence is attached.' }, this.config.secureCookies);
      response.redirect(303, `/research/${path}/${id}`);
    }

    // A reviewer moves on the drafts they made from a flag; only the creator (or an admin) may submit.
    @RequireRoles(Role.Researcher, Role.Reviewer)
    @Post(`${path}/:id/submit`)
    async submit(
      @Res() response: Response,
      @Param('id', ID) id: string,
      @CurrentUser() actor: AuthenticatedUser,
    ): Promise<void> {
      const noun = this.claims.kind;
      await runAction(response, this.config.secureCookies, `/research/${path}/${id}`, async () => {
        const { sourcesSubmitted: sources } = await this.claims.submit(id, actor);
        return sources
          ? `The ${noun} is submitted for review, with ${sources} piece(s) of evidence.`
          : `The ${noun} is submitted for review.`;
      });
    }

    private async newClaim(
      request: Request,
      response: Response,
      kind: SubjectKind,
      slug: string,
      viewer: AuthenticatedUser,
    ): Promise<void> {
      const subject = await this.subject(kind, slug, viewer);
      const form = await this.claims.formFor(subject, viewer);
      sendPage(response, form(webContext(request, response), EMPTY_FORM));
    }

    private async create(
      request: Request,
      response: Response,
      kind: SubjectKind,
      slug: string,
      body: FormBody,
      actor: AuthenticatedUser,
    ): Promise<void> {
      const subject = await this.subject(kind, slug, actor);
      const form = await this.claims.formFor(subject, actor);
      const source = await newEvidenceOf(body);
      const ctx = webContext(request, response);
      const noun = this.claims.kind;
      await runForm(response, {
        dto: this.claims.inputDto,
        plain: this.claims.toInput(body),
        values: formValues(body),
        otherErrors: source.errors,
        secureCookies: this.config.secureCookies,
        render: (state) => form(ctx, state),
        write: async (input) => {
          const claim = await this.claims.create(subject, input, actor);
          if (source.evidence)
            await this.evidence.create({ ...source.evidence, ...evidenceTargets(noun, claim.id) }, actor);
          return {
            redirect: `/research/${path}/${claim.id}`,
            flash: source.evidence
              ? `The ${noun} and its source are saved as drafts; the source is being archived.`
              : `The ${noun} is saved as a draft. Attach its evidence before submitting it.`,
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
      const claim = await this.claims.get(id, viewer);
      const [captures, history] = await Promise.all([
        this.captures.summariesOf(
          claim.evidence.map((item) => item.id),
          viewer,
        ),
        this.history.of(this.claims.auditEntity, id),
      ]);
      const ctx = webContext(request, response);
      sendPage(response, this.claims.page({ ctx, claim, captures, history, attachForm }), status);
    }

    private async subject(kind: SubjectKind, slug: string, viewer: AuthenticatedUser): Promise<ClaimSubject> {
      if (kind === 'brands') {
        const brand = await this.brands.get(slug, viewer);
        return { kind: 'brand', slug: brand.slug, name: brand.name };
      }
      const company = await this.companies.get(slug, viewer);
      return { kind: 'company', slug: company.slug, name: company.name };
    }
  }
  return ClaimPagesController;
}
