import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser } from '../../identity/auth/decorators';
import { Public } from '../../platform/http/public-route';
import { asOfParam } from './as-of-param';
import { CURRENT_METHODOLOGY } from '../../scorecards/methodology';
import { pageContextOf } from '../../ui/page-context';
import { renderDocument } from '../../ui/render';
import { filterQuery, parseBrandFilters } from './brand-filters';
import { BrandPage } from './pages/brand.page';
import { BrandsPage } from './pages/brands.page';
import { HomePage } from './pages/home.page';
import { MethodologyPage } from './pages/methodology.page';
import { PublicSiteService } from './public-site.service';

const HTML = 'text/html; charset=utf-8';

/** The public pages: server-rendered, no script needed, cached per data version (src/public/cache). */
@ApiExcludeController()
@Public()
@Controller()
export class PublicSiteController {
  constructor(private readonly site: PublicSiteService) {}

  @Get()
  @Header('Content-Type', HTML)
  async home(@Req() request: Request, @CurrentUser() viewer?: AuthenticatedUser): Promise<string> {
    const data = await this.site.home(viewer);
    return renderDocument(<HomePage ctx={pageContextOf(request)} data={data} />);
  }

  @Get('brands')
  async brands(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<void> {
    const raw = request.query as Record<string, unknown>;
    const filters = parseBrandFilters(raw);
    // The GET form also sends the fields left at "any": answer with the short URL, the one worth sharing.
    if (Object.values(raw).some((value) => value === '')) {
      response.redirect(303, `/brands${filterQuery(filters.form, { cursor: filters.query.cursor ?? '' })}`);
      return;
    }
    const data = await this.site.brandList(filters, viewer);
    response.type(HTML).send(renderDocument(<BrandsPage ctx={pageContextOf(request)} data={data} />));
  }

  @Get('brands/:slug')
  @Header('Content-Type', HTML)
  async brand(
    @Req() request: Request,
    @Param('slug') slug: string,
    @Query('asOf') asOf?: unknown,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<string> {
    const data = await this.site.brandPage(slug, asOfParam(asOf), viewer);
    return renderDocument(<BrandPage ctx={pageContextOf(request)} data={data} />);
  }

  @Get('methodology')
  @Header('Content-Type', HTML)
  methodology(@Req() request: Request): string {
    return renderDocument(<MethodologyPage ctx={pageContextOf(request)} methodology={CURRENT_METHODOLOGY} />);
  }
}
