import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../auth/decorators';
import { Role } from '../../auth/role.enum';
import { BrandsService } from '../../brands/brands.service';
import { CreateBrandDto } from '../../brands/dto/create-brand.dto';
import { UpdateBrandDto } from '../../brands/dto/update-brand.dto';
import { CommitmentsService } from '../../commitments/commitments.service';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { FindingsService } from '../../findings/findings.service';
import { REVIEW_STATUSES, ReviewStatus } from '../../review/review-status';
import { EMPTY_FORM } from '../common/fields';
import { formValues, type FormBody } from '../common/form-body';
import { sendPage, webContext } from '../common/page';
import { runAction, runForm } from '../common/run-form';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { HistoryService } from '../history/history.service';
import { brandFormValues, toCreateBrand, toUpdateBrand } from './brand-form';
import { BrandFormPage } from './brand-form-page';
import { BrandPage } from './brand-page';
import { ResearchHomePage } from './research-home-page';

/** The researchers' start page and their brand pages: list, add, edit, submit, with history. */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@Controller('research')
export class ResearchBrandsController {
  constructor(
    private readonly brands: BrandsService,
    private readonly commitments: CommitmentsService,
    private readonly findings: FindingsService,
    private readonly history: HistoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async home(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() viewer: AuthenticatedUser,
    @Query('q') q = '',
    @Query('status') status = '',
    @Query('cursor') cursor = '',
  ): Promise<void> {
    const wanted = REVIEW_STATUSES.find((value) => value === (status as ReviewStatus));
    const page = await this.brands.list(
      { q: q.slice(0, 200) || undefined, status: wanted, cursor: cursor || undefined, limit: 50 },
      viewer,
    );
    sendPage(
      response,
      ResearchHomePage({
        ctx: webContext(request, response),
        q,
        status: wanted ?? '',
        brands: page.items,
        nextCursor: page.nextCursor,
      }),
    );
  }

  @RequireRoles(Role.Researcher)
  @Get('brands/new')
  newBrand(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, BrandFormPage({ ctx: webContext(request, response), form: EMPTY_FORM }));
  }

  @RequireRoles(Role.Researcher)
  @Post('brands')
  async create(
    @Req() request: Request,
    @Res() response: Response,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const ctx = webContext(request, response);
    await runForm(response, {
      dto: CreateBrandDto,
      plain: toCreateBrand(body),
      values: formValues(body),
      secureCookies: this.config.secureCookies,
      render: (form) => BrandFormPage({ ctx, form }),
      write: async (input) => {
        const brand = await this.brands.create(input, actor);
        return { redirect: `/research/brands/${brand.slug}`, flash: `${brand.name} is saved as a draft.` };
      },
    });
  }

  @Get('brands/:slug')
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    const brand = await this.brands.get(slug, viewer);
    const [timeline, findings, history] = await Promise.all([
      this.commitments.timelineForBrand(brand.slug, { limit: 100 }, viewer),
      this.findings.list({ brand: brand.slug, limit: 100 }, viewer),
      this.history.of('brand', brand.id),
    ]);
    sendPage(
      response,
      BrandPage({
        ctx: webContext(request, response),
        brand,
        commitments: timeline.items,
        findings: findings.items,
        history,
      }),
    );
  }

  @RequireRoles(Role.Researcher)
  @Get('brands/:slug/edit')
  async edit(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() viewer: AuthenticatedUser,
  ): Promise<void> {
    const brand = await this.brands.get(slug, viewer);
    const form = { values: brandFormValues(brand), errors: {} };
    sendPage(
      response,
      BrandFormPage({ ctx: webContext(request, response), form, slug: brand.slug, name: brand.name }),
    );
  }

  @RequireRoles(Role.Researcher)
  @Post('brands/:slug/edit')
  async update(
    @Req() request: Request,
    @Res() response: Response,
    @Param('slug') slug: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    const brand = await this.brands.get(slug, actor);
    const ctx = webContext(request, response);
    await runForm(response, {
      dto: UpdateBrandDto,
      plain: toUpdateBrand(body),
      values: formValues(body),
      secureCookies: this.config.secureCookies,
      render: (form) => BrandFormPage({ ctx, form, slug: brand.slug, name: brand.name }),
      write: async (input) => {
        const updated = await this.brands.update(brand.slug, input, actor);
        const note =
          brand.status === ReviewStatus.Rejected ? ' It is a draft again: submit it when ready.' : '';
        return {
          redirect: `/research/brands/${updated.slug}`,
          flash: `Changes to ${updated.name} are saved.${note}`,
        };
      },
    });
  }

  @RequireRoles(Role.Researcher)
  @Post('brands/:slug/submit')
  async submit(
    @Res() response: Response,
    @Param('slug') slug: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    await runAction(
      response,
      this.config.secureCookies,
      `/research/brands/${encodeURIComponent(slug)}`,
      async () => {
        const brand = await this.brands.submit(slug, actor);
        return `${brand.name} is submitted for review.`;
      },
    );
  }
}
