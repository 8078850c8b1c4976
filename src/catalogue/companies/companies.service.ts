import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../../platform/pagination/page';
import { ReviewRunner, ReviewTarget } from '../../kernel/review/review-runner';
import { afterEdit, pickReviewState, ReviewDecision } from '../../kernel/review/review-workflow';
import { ReviewStatus } from '../../kernel/review/review-status';
import { canSee, Viewer, visibleStatuses } from '../../kernel/review/visibility';
import type { ProposedRevision } from '../revisions/proposed-revision.entity';
import { companyRevision, RevisionsService } from '../revisions/revisions.service';
import { CompaniesRepository } from './companies.repository';
import { Company } from './company.entity';
import { CompanyView, toCompanyView } from './dto/company.view';
import type { CreateCompanyDto } from './dto/create-company.dto';
import type { ListCompaniesQueryDto } from './dto/list-companies-query.dto';
import type { UpdateCompanyDto } from './dto/update-company.dto';
import { definedFields } from './defined-fields';
import { allocateSlug } from './slug-allocation';

const REVIEW_TARGET: ReviewTarget<Company> = { entity: Company, auditType: 'company' };

/** Company groups: create, edit, find, list, and their review. Every write is audited in its transaction. */
@Injectable()
export class CompaniesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompaniesRepository,
    private readonly audit: AuditService,
    private readonly reviews: ReviewRunner,
    private readonly revisions: RevisionsService,
  ) {}

  /** Creates a draft company. `actor` null means the system (seeds, import). */
  async create(input: CreateCompanyDto, actor: AuthenticatedUser | null): Promise<Company> {
    return this.dataSource.transaction(async (manager) => {
      const slug = await allocateSlug(manager, 'companies', input.name, input.slug, 'company');
      const company = manager.getRepository(Company).create({
        slug,
        name: input.name.trim(),
        aliases: input.aliases ?? [],
        country: input.country ?? null,
        website: input.website ?? null,
        wikidataId: input.wikidataId ?? null,
        lei: input.lei ?? null,
        status: ReviewStatus.Draft,
        createdById: actor?.id ?? null,
      });
      const saved = await manager.getRepository(Company).save(company);
      await this.audit.record(manager, {
        actorId: actor?.id ?? null,
        action: 'company.create',
        entityType: 'company',
        entityId: saved.id,
        before: null,
        after: toCompanyView(saved),
      });
      return saved;
    });
  }

  /**
   * Edits identity fields. On a verified company the change becomes a proposed revision, applied only when
   * another reviewer verifies it, and the company is returned as it stands; a rejected one goes back to
   * draft to be resubmitted. See docs/data-model.md, "Verified means reviewed".
   */
  async update(ref: string, input: UpdateCompanyDto, actor: AuthenticatedUser): Promise<Company> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.companies.findByRef(ref, manager);
      if (!found) throw notFound(ref);
      const company = await lockById(manager, found.id);
      if (company.status === ReviewStatus.Verified) {
        await this.revisions.propose(manager, companyRevision(company), definedFields(input), actor);
        return company;
      }
      const before = toCompanyView(company);
      Object.assign(company, definedFields(input), afterEdit(pickReviewState(company)));
      const saved = await manager.getRepository(Company).save(company);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'company.update',
        entityType: 'company',
        entityId: saved.id,
        before,
        after: toCompanyView(saved),
      });
      return saved;
    });
  }

  /** The change to a verified company waiting for review, if any. */
  async proposedRevision(ref: string): Promise<ProposedRevision | null> {
    return this.revisions.pending(this.dataSource.manager, { companyId: await this.idOf(ref) });
  }

  /** Verifies (applies) or rejects the change waiting on a verified company; audited either way. */
  async decideRevision(
    ref: string,
    decision: ReviewDecision,
    note: string | undefined,
    actor: AuthenticatedUser,
  ): Promise<Company> {
    return this.dataSource.transaction(async (manager) => {
      const company = await lockById(manager, await this.idOf(ref));
      await this.revisions.decide(
        manager,
        companyRevision(company),
        decision,
        note,
        actor,
        async (changes) => {
          const before = toCompanyView(company);
          const saved = await manager.getRepository(Company).save(Object.assign(company, changes));
          return { before, after: toCompanyView(saved) };
        },
      );
      return company;
    });
  }

  async get(ref: string, viewer: Viewer): Promise<Company> {
    const company = await this.companies.findByRef(ref);
    if (!company || !canSee(viewer, company.status)) throw notFound(ref);
    return company;
  }

  /** For other modules (importer, scorecards): no visibility rule, null when absent. */
  findByRef(ref: string, manager?: EntityManager): Promise<Company | null> {
    return this.companies.findByRef(ref, manager);
  }

  findByNameOrAlias(name: string): Promise<Company[]> {
    return this.companies.findByNameOrAlias(name);
  }

  /** Names of groups by id, for pages that show a group id (a proposed change of a brand's group). */
  async namesByIds(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource
      .getRepository(Company)
      .find({ where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Companies waiting for review, oldest submission first (the reviewers' queue). */
  reviewQueue(limit: number): Promise<Company[]> {
    return this.dataSource.getRepository(Company).find({
      where: { status: ReviewStatus.Submitted },
      order: { submittedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  async list(query: ListCompaniesQueryDto, viewer: Viewer): Promise<Page<CompanyView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const statuses = visibleStatuses(viewer, query.status);
    if (!statuses.length) return { items: [], nextCursor: null };
    const rows = await this.companies.list({ statuses, q: query.q, cursor: query.cursor, limit });
    return toPage(rows, limit, (row) => encodeCursor({ slug: row.slug }), toCompanyView);
  }

  async submit(ref: string, actor: AuthenticatedUser): Promise<Company> {
    return this.reviews.submit(REVIEW_TARGET, await this.idOf(ref), actor);
  }

  async review(ref: string, decision: ReviewDecision, note: string | undefined, actor: AuthenticatedUser) {
    return this.reviews.review(REVIEW_TARGET, await this.idOf(ref), decision, note, actor);
  }

  /** Marks a company verified on the system's authority (demo seeds, trusted imports); audited, no HTTP route. */
  async verifyAsSystem(ref: string, note: string): Promise<Company> {
    return this.reviews.verifyAsSystem(REVIEW_TARGET, await this.idOf(ref), note);
  }

  private async idOf(ref: string): Promise<string> {
    const company = await this.companies.findByRef(ref);
    if (!company) throw notFound(ref);
    return company.id;
  }
}

/** The company's row, locked until the transaction ends, so edits and decisions on it never interleave. */
function lockById(manager: EntityManager, id: string): Promise<Company> {
  return manager
    .getRepository(Company)
    .createQueryBuilder('company')
    .setLock('pessimistic_write')
    .where('company.id = :id', { id })
    .getOneOrFail();
}

function notFound(ref: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `No company "${ref}"`);
}
