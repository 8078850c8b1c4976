import { Controller, Get, Injectable, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser } from '../../identity/auth/decorators';
import type { Brand } from '../../catalogue/brands/brand.entity';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { CreateBrandDto } from '../../catalogue/brands/dto/create-brand.dto';
import { UpdateBrandDto } from '../../catalogue/brands/dto/update-brand.dto';
import { CommitmentsService } from '../../claims/commitments/commitments.service';
import { FindingsService } from '../../claims/findings/findings.service';
import { REVIEW_STATUSES, ReviewStatus } from '../../kernel/review/review-status';
import type { FormState } from '../common/fields';
import type { FormBody } from '../common/form-body';
import { sendPage, webContext, type WebContext } from '../common/page';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { brandFormValues, toCreateBrand, toUpdateBrand } from './brand-form';
import { BrandFormPage } from './brand-form-page';
import { BrandPage } from './brand-page';
import { ResearchHomePage } from './research-home-page';
import type { SubjectPages } from './subject-pages';
import { subjectPagesController } from './subject-pages.controller';

/** The researchers' start page: the brands they can see, searched and filtered by review status. */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@Controller('research')
export class ResearchHomeController {
  constructor(private readonly brands: BrandsService) {}

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
}

/** Brands on the research pages. */
@Injectable()
export class BrandPages implements SubjectPages<Brand, CreateBrandDto, UpdateBrandDto> {
  readonly auditEntity = 'brand';
  readonly createDto = CreateBrandDto;
  readonly updateDto = UpdateBrandDto;

  constructor(
    private readonly brands: BrandsService,
    private readonly commitments: CommitmentsService,
    private readonly findings: FindingsService,
  ) {}

  toCreate(body: FormBody): Record<string, unknown> {
    return toCreateBrand(body);
  }

  toUpdate(body: FormBody): Record<string, unknown> {
    return toUpdateBrand(body);
  }

  formValues(brand: Brand) {
    return brandFormValues(brand);
  }

  get(slug: string, viewer: AuthenticatedUser): Promise<Brand> {
    return this.brands.get(slug, viewer);
  }

  create(input: CreateBrandDto, actor: AuthenticatedUser): Promise<Brand> {
    return this.brands.create(input, actor);
  }

  update(slug: string, input: UpdateBrandDto, actor: AuthenticatedUser): Promise<Brand> {
    return this.brands.update(slug, input, actor);
  }

  submit(slug: string, actor: AuthenticatedUser): Promise<Brand> {
    return this.brands.submit(slug, actor);
  }

  async claims(brand: Brand, viewer: AuthenticatedUser) {
    const [timeline, findings] = await Promise.all([
      this.commitments.timelineForBrand(brand.slug, { limit: 100 }, viewer),
      this.findings.list({ brand: brand.slug, limit: 100 }, viewer),
    ]);
    return { commitments: timeline.items, findings: findings.items };
  }

  formPage(ctx: WebContext, form: FormState, editing?: Brand) {
    return BrandFormPage({ ctx, form, slug: editing?.slug, name: editing?.name });
  }

  page({ subject, ...rest }: Parameters<SubjectPages<Brand, object, object>['page']>[0]) {
    return BrandPage({ ...rest, brand: subject });
  }
}

/** /research/brands/... : add, see, edit and submit brands. */
export class ResearchBrandsController extends subjectPagesController('brands', BrandPages) {}
