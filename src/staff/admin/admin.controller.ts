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
import { BrandsService } from '../../catalogue/brands/brands.service';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { CreateWatchDto } from '../../monitoring/dto/create-watch.dto';
import { toWatchView } from '../../monitoring/dto/watch.view';
import { WatchesService } from '../../monitoring/watches/watches.service';
import { CreateUserDto } from '../../identity/users/dto/create-user.dto';
import { UpdateUserDto } from '../../identity/users/dto/update-user.dto';
import { UsersService } from '../../identity/users/users.service';
import { EMPTY_FORM, type FormState } from '../common/fields';
import { field, formValues, optional, type FormBody } from '../common/form-body';
import { validateDto } from '../common/form-errors';
import { sendPage, webContext } from '../common/page';
import { runAction, runForm } from '../common/run-form';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { AdminHomePage, UsersPage, WatchesPage } from './admin-pages';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** Admins: users and roles, watches, and the way to the queue dashboard. */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@RequireRoles(Role.Admin)
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: UsersService,
    private readonly watches: WatchesService,
    private readonly brands: BrandsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  home(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, AdminHomePage({ ctx: webContext(request, response) }));
  }

  @Get('users')
  async listUsers(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
  ) {
    await this.renderUsers(request, response, admin, EMPTY_FORM, 200);
  }

  @Post('users')
  async createUser(
    @Req() request: Request,
    @Res() response: Response,
    @Body() body: FormBody,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<void> {
    const users = (await this.users.list(undefined, 200)).items;
    const ctx = webContext(request, response);
    const values = formValues(body);
    delete values.password;
    await runForm(response, {
      dto: CreateUserDto,
      plain: {
        email: field(body, 'email'),
        role: field(body, 'role'),
        password: typeof body.password === 'string' ? body.password : '',
      },
      values,
      secureCookies: this.config.secureCookies,
      render: (form) => UsersPage({ ctx, users, form, selfId: admin.id }),
      write: async (input) => {
        const user = await this.users.create(input, admin.id);
        return { redirect: '/admin/users', flash: `${user.email} can now sign in as a ${user.role}.` };
      },
    });
  }

  @Post('users/:id')
  async updateUser(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', ID) id: string,
    @Body() body: FormBody,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<void> {
    const disabled = field(body, 'disabled');
    const input = await validateDto(UpdateUserDto, {
      role: optional(field(body, 'role')),
      disabled: disabled === '' ? undefined : disabled === 'true',
    });
    if (!input.ok) {
      const form = { values: {}, errors: input.errors };
      return this.renderUsers(request, response, admin, form, 400);
    }
    await runAction(response, this.config.secureCookies, '/admin/users', async () => {
      const user = await this.users.update(id, input.value, admin);
      return `${user.email} is now ${user.disabledAt ? 'disabled' : `an active ${user.role}`}.`;
    });
  }

  @Get('watches')
  async listWatches(@Req() request: Request, @Res() response: Response, @Query('cursor') cursor = '') {
    await this.renderWatches(request, response, EMPTY_FORM, 200, cursor);
  }

  @Post('watches')
  async createWatch(
    @Req() request: Request,
    @Res() response: Response,
    @Body() body: FormBody,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<void> {
    const interval = field(body, 'intervalMinutes');
    const plain = {
      brand: field(body, 'brand'),
      url: field(body, 'url'),
      selector: optional(field(body, 'selector')),
      intervalMinutes: interval === '' ? undefined : Number(interval),
      needsBrowser: field(body, 'needsBrowser') === 'yes',
      language: optional(field(body, 'language')),
    };
    const data = await this.watchesData('');
    const ctx = webContext(request, response);
    await runForm(response, {
      dto: CreateWatchDto,
      plain,
      values: formValues(body),
      secureCookies: this.config.secureCookies,
      render: (form) => WatchesPage({ ctx, ...data, form }),
      write: async (input) => {
        const watch = await this.watches.create(input, admin);
        return { redirect: '/admin/watches', flash: `Watching ${watch.url}; the first check is queued.` };
      },
    });
  }

  @Post('watches/:id/:action')
  async watchAction(
    @Res() response: Response,
    @Param('id', ID) id: string,
    @Param('action') action: string,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<void> {
    await runAction(response, this.config.secureCookies, '/admin/watches', async () => {
      switch (action) {
        case 'pause':
          return `Paused ${(await this.watches.pause(id, admin)).url}.`;
        case 'resume':
          return `Resumed ${(await this.watches.resume(id, admin)).url}.`;
        case 'check':
          await this.watches.checkNow(id, admin);
          return 'A check is queued; its result shows here once the worker has run it.';
        default:
          return `Unknown action ${action}.`;
      }
    });
  }

  private async renderUsers(
    request: Request,
    response: Response,
    admin: AuthenticatedUser,
    form: FormState,
    status: number,
  ): Promise<void> {
    const users = (await this.users.list(undefined, 200)).items;
    sendPage(
      response,
      UsersPage({ ctx: webContext(request, response), users, form, selfId: admin.id }),
      status,
    );
  }

  private async renderWatches(
    request: Request,
    response: Response,
    form: FormState,
    status: number,
    cursor = '',
  ): Promise<void> {
    const data = await this.watchesData(cursor);
    sendPage(response, WatchesPage({ ctx: webContext(request, response), ...data, form }), status);
  }

  private async watchesData(cursor: string) {
    const page = await this.watches.list({ cursor: cursor || undefined, limit: 50 });
    const brands = await this.brands.findByIds(page.items.map((watch) => watch.brandId));
    return {
      watches: page.items.map(toWatchView),
      brandNames: new Map(brands.map((brand) => [brand.id, { slug: brand.slug, name: brand.name }])),
      nextCursor: page.nextCursor,
    };
  }
}
