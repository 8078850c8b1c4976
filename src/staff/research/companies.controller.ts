import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CommitmentsService } from '../../claims/commitments/commitments.service';
import type { Company } from '../../catalogue/companies/company.entity';
import { CompaniesService } from '../../catalogue/companies/companies.service';
import { CreateCompanyDto } from '../../catalogue/companies/dto/create-company.dto';
import { UpdateCompanyDto } from '../../catalogue/companies/dto/update-company.dto';
import { FindingsService } from '../../claims/findings/findings.service';
import type { FormState } from '../common/fields';
import type { FormBody } from '../common/form-body';
import type { WebContext } from '../common/page';
import { companyFormValues, toCreateCompany, toUpdateCompany } from './company-form';
import { CompanyFormPage, CompanyPage } from './company-pages';
import type { SubjectPages } from './subject-pages';
import { subjectPagesController } from './subject-pages.controller';

/** Company groups on the research pages, with their group-level commitments and findings. */
@Injectable()
export class CompanyPages implements SubjectPages<Company, CreateCompanyDto, UpdateCompanyDto> {
  readonly auditEntity = 'company';
  readonly createDto = CreateCompanyDto;
  readonly updateDto = UpdateCompanyDto;

  constructor(
    private readonly companies: CompaniesService,
    private readonly commitments: CommitmentsService,
    private readonly findings: FindingsService,
  ) {}

  toCreate(body: FormBody): Record<string, unknown> {
    return toCreateCompany(body);
  }

  toUpdate(body: FormBody): Record<string, unknown> {
    return toUpdateCompany(body);
  }

  formValues(company: Company) {
    return companyFormValues(company);
  }

  get(slug: string, viewer: AuthenticatedUser): Promise<Company> {
    return this.companies.get(slug, viewer);
  }

  create(input: CreateCompanyDto, actor: AuthenticatedUser): Promise<Company> {
    return this.companies.create(input, actor);
  }

  update(slug: string, input: UpdateCompanyDto, actor: AuthenticatedUser): Promise<Company> {
    return this.companies.update(slug, input, actor);
  }

  submit(slug: string, actor: AuthenticatedUser): Promise<Company> {
    return this.companies.submit(slug, actor);
  }

  async claims(company: Company, viewer: AuthenticatedUser) {
    const [timeline, findings] = await Promise.all([
      this.commitments.timelineForCompany(company.slug, { limit: 100 }, viewer),
      this.findings.list({ company: company.slug, limit: 100 }, viewer),
    ]);
    return { commitments: timeline.items, findings: findings.items };
  }

  formPage(ctx: WebContext, form: FormState, editing?: Company) {
    return CompanyFormPage({ ctx, form, slug: editing?.slug, name: editing?.name });
  }

  page({ subject, ...rest }: Parameters<SubjectPages<Company, object, object>['page']>[0]) {
    return CompanyPage({ ...rest, company: subject });
  }
}

/** /research/companies/... : add, see, edit and submit company groups. */
export class ResearchCompaniesController extends subjectPagesController('companies', CompanyPages) {}
