import { Body, Controller, Inject, Param, ParseUUIDPipe, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ClosuresService } from '../../claims/findings/closures/closures.service';
import { CreateClosureDto } from '../../claims/findings/closures/dto/create-closure.dto';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser, RequireRoles } from '../../identity/auth/decorators';
import { Role } from '../../identity/auth/role.enum';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { field, optional, type FormBody } from '../common/form-body';
import { runAction } from '../common/run-form';
import { SignInRedirectFilter } from '../common/sign-in-redirect.filter';
import { validateDto } from '../common/form-errors';
import { ClaimSupport } from './claim-support.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/**
 * Ending a finding from its research page: the researcher gives the day, the reason and the source; the
 * closure is recorded and submitted with that source for another person to verify (docs/data-model.md).
 */
@ApiExcludeController()
@UseFilters(SignInRedirectFilter)
@Controller('research/findings')
export class FindingClosurePagesController {
  constructor(
    private readonly closures: ClosuresService,
    private readonly support: ClaimSupport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @RequireRoles(Role.Researcher)
  @Post(':id/close')
  async close(
    @Res() response: Response,
    @Param('id', ID) id: string,
    @Body() body: FormBody,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    await runAction(response, this.config.secureCookies, `/research/findings/${id}`, async () => {
      const reference = optional(field(body, 'evidence'));
      const input = await validateDto(CreateClosureDto, {
        endedOn: field(body, 'endedOn'),
        reason: field(body, 'reason'),
        summary: field(body, 'summary'),
        evidenceIds: reference ? [await this.support.resolve(reference, actor)] : undefined,
      });
      if (!input.ok) {
        const reasons = Object.entries(input.errors).map(([name, why]) => ({ field: name, reasons: why }));
        throw new DomainError(DomainErrorCode.InvalidInput, 'The end of the finding is not valid', reasons);
      }
      const closure = await this.closures.close(id, input.value, actor);
      const { sourcesSubmitted } = await this.closures.submit(closure.id, actor);
      return (
        `The end of this finding on ${closure.endedOn} is submitted for review` +
        (sourcesSubmitted ? `, with ${sourcesSubmitted} piece(s) of evidence.` : '.')
      );
    });
  }
}
