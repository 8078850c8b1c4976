import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../auth/decorators';
import { Role } from '../../auth/role.enum';
import { CommitmentsService } from '../../commitments/commitments.service';
import { CompaniesService } from '../../companies/companies.service';
import { CreateCompanyDto } from '../../companies/dto/create-company.dto';
import { UpdateCompanyDto } from '../../companies/dto/update-company.dto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { FindingsService } from '../../findings/findings.service';
import { EMPTY_FORM } from '../common/fields';
import { formValues, type FormBody } from '../common/form-body';
import { sendPage, webContext } from '../common/page';
import { runAction, runForm } from '../common/run-form';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { HistoryService } from '../history/history.service';
import { companyFormValues, toCreateCompany, toUpdateCompany } from './company-form';
import { CompanyFormPage, CompanyPage } from './company-pages';

/** Company groups: add, edit, submit; their group-level commitments and findings. */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@Controller('research/companies')
export class ResearchCompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly commitments: CommitmentsService,
    private readonly findings: FindingsService,
    private readonly history: HistoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @RequireRoles(Role.Researcher)
  @Get('new')
  newCompany(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, CompanyFormPage({ ctx: webContext(request, response), form: EMPTY_FORM }));
  }

  @RequireRoles(Role.Researcher)
  @Post()
  async create(
    @Req() request: Request,
    @Res() response: Response,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const ctx = webContext(request, response);
    await runForm(response, {
      dto: CreateCompanyDto,
      plain: toCreateCompany(body),
      values: formValues(body),
      secureCookies: this.config.secureCookies,
      render: (form) => CompanyFormPage({ ctx, form }),
      write: async (input) => {
        const company = await this.companies.create(input, actor);
        return {
          redirect: `/research/companies/${company.slug}`,
          flash: `${company.name} is saved as a draft.`,
        };
      },
    });
  }

  @Get(':slug')
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    const company = await this.companies.get(slug, viewer);
    const [timeline, findings, history] = await Promise.all([
      this.commitments.timelineForCompany(company.slug, { limit: 100 }, viewer),
      this.findings.list({ company: company.slug, limit: 100 }, viewer),
      this.history.of('company', company.id),
    ]);
    sendPage(
      response,
      CompanyPage({
        ctx: webContext(request, response),
        company,
        commitments: timeline.items,
        findings: findings.items,
        history,
      }),
    );
  }

  @RequireRoles(Role.Researcher)
  @Get(':slug/edit')
  async edit(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    const company = await this.companies.get(slug, viewer);
    const form = { values: companyFormValues(company), errors: {} };
    const ctx = webContext(request, response);
    sendPage(response, CompanyFormPage({ ctx, form, slug: company.slug, name: company.name }));
  }

  @RequireRoles(Role.Researcher)
  @Post(':slug/edit')
  async update(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const company = await this.companies.get(slug, actor);
    const ctx = webContext(request, response);
    await runForm(response, {
      dto: UpdateCompanyDto,
      plain: toUpdateCompany(body),
      values: formValues(body),
      secureCookies: this.config.secureCookies,
      render: (form) => CompanyFormPage({ ctx, form, slug: company.slug, name: company.name }),
      write: async (input) => {
        const updated = await this.companies.update(company.slug, input, actor);
        return {
          redirect: `/research/companies/${updated.slug}`,
          flash: `Changes to ${updated.name} are saved.`,
        };
      },
    });
  }

  @RequireRoles(Role.Researcher)
  @Post(':slug/submit')
  async submit(
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const back = `/research/companies/${encodeURIComponent(slug)}`;
    await runAction(response, this.config.secureCookies, back, async () => {
      const company = await this.companies.submit(slug, actor);
      return `${company.name} is submitted for review.`;
    });
  }
}
