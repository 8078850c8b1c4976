import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseFilters, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { Role } from '../../identity/auth/role.enum';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { ReviewStatus } from '../../kernel/review/review-status';
import { EMPTY_FORM } from '../common/fields';
import { formValues, type FormBody } from '../common/form-body';
import { sendPage, webContext } from '../common/page';
import { runAction, runForm } from '../common/run-form';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { HistoryService } from '../history/history.service';
import { RevisionDisplay } from '../review/revision-display';
import type { SubjectPages, SubjectRecord } from './subject-pages';

type AnySubjectPages = SubjectPages<SubjectRecord, object, object>;

/**
 * The research pages of brands or of company groups, at /research/<path>: add one, see it with its
 * commitments, findings and history, edit it, submit it. `pages` is the provider that says what differs;
 * subclass the result to name the controller.
 */
export function subjectPagesController(path: string, pages: Type<AnySubjectPages>): Type<object> {
  const home = (slug: string) => `/research/${path}/${encodeURIComponent(slug)}`;

  @ApiExcludeController()
  @UseFilters(SignInRedirectFilter)
  @Controller(`research/${path}`)
  class SubjectPagesController {
    constructor(
      @Inject(pages) private readonly subjects: AnySubjectPages,
      private readonly history: HistoryService,
      private readonly revisions: RevisionDisplay,
      @Inject(APP_CONFIG) private readonly config: AppConfig,
    ) {}

    @RequireRoles(Role.Researcher)
    @Get('new')
    newSubject(@Req() request: Request, @Res() response: Response): void {
      sendPage(response, this.subjects.formPage(webContext(request, response), EMPTY_FORM));
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
        dto: this.subjects.createDto,
        plain: this.subjects.toCreate(body),
        values: formValues(body),
        secureCookies: this.config.secureCookies,
        render: (form) => this.subjects.formPage(ctx, form),
        write: async (input) => {
          const subject = await this.subjects.create(input, actor);
          return { redirect: home(subject.slug), flash: `${subject.name} is saved as a draft.` };
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
      const subject = await this.subjects.get(slug, viewer);
      const [{ commitments, findings }, history, revision] = await Promise.all([
        this.subjects.claims(subject, viewer),
        this.history.of(this.subjects.auditEntity, subject.id, viewer),
        subject.status === ReviewStatus.Verified
          ? this.revisions.of(this.subjects.auditEntity, subject)
          : Promise.resolve(null),
      ]);
      const ctx = webContext(request, response);
      sendPage(response, this.subjects.page({ ctx, subject, commitments, findings, history, revision }));
    }

    @RequireRoles(Role.Researcher)
    @Get(':slug/edit')
    async edit(
      @Req() request: Request,
      @Res() response: Response,
      @Param('slug') slug: string,
      @CurrentUser() viewer: AuthenticatedUser,
    ): Promise<void> {
      const subject = await this.subjects.get(slug, viewer);
      const form = { values: this.subjects.formValues(subject), errors: {} };
      sendPage(response, this.subjects.formPage(webContext(request, response), form, subject));
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
      const subject = await this.subjects.get(slug, actor);
      const ctx = webContext(request, response);
      await runForm(response, {
        dto: this.subjects.updateDto,
        plain: this.subjects.toUpdate(body),
        values: formValues(body),
        secureCookies: this.config.secureCookies,
        render: (form) => this.subjects.formPage(ctx, form, subject),
        write: async (input) => {
          const updated = await this.subjects.update(subject.slug, input, actor);
          // A verified entry keeps its values until a reviewer verifies the change (proposed revisions).
          if (subject.status === ReviewStatus.Verified) {
            const flash = `Your changes to ${updated.name} await review: the verified entry stays as it is until another reviewer verifies them.`;
            return { redirect: home(updated.slug), flash };
          }
          // An edit sends a rejected entry back to draft (afterEdit in the services).
          const note =
            subject.status === ReviewStatus.Rejected ? ' It is a draft again: submit it when ready.' : '';
          return { redirect: home(updated.slug), flash: `Changes to ${updated.name} are saved.${note}` };
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
      await runAction(response, this.config.secureCookies, home(slug), async () => {
        const subject = await this.subjects.submit(slug, actor);
        return `${subject.name} is submitted for review.`;
      });
    }
  }
  return SubjectPagesController;
}
