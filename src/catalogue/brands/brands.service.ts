import { Injectable } from '@nestjs/common';
import { brandNotFound } from './brand-not-found';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../../platform/pagination/page';
import { CompaniesService } from '../companies/companies.service';
import { definedFields } from '../companies/defined-fields';
import { containsPattern } from '../companies/search-pattern';
import { allocateSlug } from '../companies/slug-allocation';
import { today } from '../../kernel/dates/today';
import { ReviewRunner, ReviewTarget } from '../../kernel/review/review-runner';
import { ReviewStatus } from '../../kernel/review/review-status';
import { afterEdit, pickReviewState, ReviewDecision } from '../../kernel/review/review-workflow';
import { canSee, SYSTEM_READER, Viewer, visibleStatuses } from '../../kernel/review/visibility';
import type { ProposedRevision } from '../revisions/proposed-revision.entity';
import { brandRevision, RevisionsService } from '../revisions/revisions.service';
import { Brand } from './brand.entity';
import type { BrandExportRow } from './brand-export.sql';
import type { BrandSearchFilter } from './brand-search.sql';
import { toBrandListItem, toBrandView } from './brand-view.mapper';
import { BrandsRepository } from './brands.repository';
import type { BrandFacets, BrandListItem } from './dto/brand.view';
import type { CreateBrandDto } from './dto/create-brand.dto';
import type { BrandFiltersDto, ListBrandsQueryDto } from './dto/list-brands-query.dto';
import type { UpdateBrandDto } from './dto/update-brand.dto';

const REVIEW_TARGET: ReviewTarget<Brand> = { entity: Brand, auditType: 'brand' };

/** Brands: create, edit, find, the campaigner list and facets, and their review. */
@Injectable()
export class BrandsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly brands: BrandsRepository,
    private readonly companies: CompaniesService,
    private readonly audit: AuditService,
    private readonly reviews: ReviewRunner,
    private readonly revisions: RevisionsService,
  ) {}

  /** Creates a draft brand. `actor` null means the system (seeds, import). */
  async create(input: CreateBrandDto, actor: AuthenticatedUser | null): Promise<Brand> {
    return this.dataSource.transaction(async (manager) => {
      const companyId = input.company ? await this.companyIdOf(input.company, manager) : null;
      const slug = await allocateSlug(manager, 'brands', input.name, input.slug, 'brand');
      const saved = await this.brands.insert(manager, {
        slug,
        name: input.name.trim(),
        aliases: input.aliases ?? [],
        companyId,
        sectors: input.sectors ?? [],
        hqCountry: input.hqCountry ?? null,
        website: input.website ?? null,
        wikidataId: input.wikidataId ?? null,
        lei: input.lei ?? null,
        openSupplyHubId: input.openSupplyHubId ?? null,
        status: ReviewStatus.Draft,
        createdById: actor?.id ?? null,
      });
      const created = (await this.brands.findByRef(saved.id, manager)) ?? saved;
      await this.audit.record(manager, {
        actorId: actor?.id ?? null,
        action: 'brand.create',
        entityType: 'brand',
        entityId: saved.id,
        before: null,
        after: toBrandView(created, SYSTEM_READER),
      });
      return created;
    });
  }

  /**
   * Edits identity fields. On a verified brand the change becomes a proposed revision, applied only when
   * another reviewer verifies it (docs/data-model.md, "Verified means reviewed"), and the brand is returned
   * as it stands; a rejected one goes back to draft; drafts and submitted brands change at once.
   */
  async update(ref: string, input: UpdateBrandDto, actor: AuthenticatedUser): Promise<Brand> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.brands.findByRef(ref, manager);
      if (!found) throw brandNotFound(ref);
      const brand = await this.brands.lockById(found.id, manager);
      const before = toBrandView(found, actor);
      const { company, ...fields } = definedFields(input);
      const changes: Partial<Brand> = { ...fields };
      if (company !== undefined)
        changes.companyId = company === null ? null : await this.companyIdOf(company, manager);
      if (brand.status === ReviewStatus.Verified) {
        await this.revisions.propose(manager, brandRevision(brand), changes, actor);
        return found;
      }
      Object.assign(brand, changes, afterEdit(pickReviewState(brand)));
      await this.brands.save(manager, brand);
      const updated = await this.brands.findByRef(brand.id, manager);
      if (!updated) throw brandNotFound(ref);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'brand.update',
        entityType: 'brand',
        entityId: brand.id,
        before,
        after: toBrandView(updated, actor),
      });
      return updated;
    });
  }

  /** The change to a verified brand waiting for review, if any. */
  async proposedRevision(ref: string): Promise<ProposedRevision | null> {
    return this.revisions.pending(this.dataSource.manager, { brandId: await this.idOf(ref) });
  }

  /** Verifies (applies) or rejects the change waiting on a verified brand; audited either way. */
  async decideRevision(
    ref: string,
    decision: ReviewDecision,
    note: string | undefined,
    actor: AuthenticatedUser,
  ): Promise<Brand> {
    await this.dataSource.transaction(async (manager) => {
      const brand = await this.brands.lockById(await this.idOf(ref), manager);
      await this.revisions.decide(manager, brandRevision(brand), decision, note, actor, async (changes) => {
        const before = await this.brands.findByRef(brand.id, manager);
        await this.brands.save(manager, Object.assign(brand, changes));
        const after = await this.brands.findByRef(brand.id, manager);
        return {
          before: before && toBrandView(before, SYSTEM_READER),
          after: after && toBrandView(after, SYSTEM_READER),
        };
      });
    });
    return this.reload(ref);
  }

  /** A brand the reader may see; 404 otherwise (a draft is not revealed to anonymous readers). */
  async get(ref: string, viewer: Viewer): Promise<Brand> {
    const brand = await this.brands.findByRef(ref);
    if (!brand || !canSee(viewer, brand.status)) throw brandNotFound(ref);
    return brand;
  }

  /** For other modules (importer, scorecards, monitoring): no visibility rule, null when absent. */
  findByRef(ref: string, manager?: EntityManager): Promise<Brand | null> {
    return this.brands.findByRef(ref, manager);
  }

  findByNameOrAlias(name: string): Promise<Brand[]> {
    return this.brands.findByNameOrAlias(name);
  }

  /** Brands by id (e.g. the brands of a page of flags); no visibility rule. */
  async findByIds(ids: string[]): Promise<Brand[]> {
    if (ids.length === 0) return [];
    return this.brands.findByIds(ids);
  }

  /** Brands waiting for review, oldest submission first (the reviewers' queue). */
  reviewQueue(limit: number): Promise<Brand[]> {
    return this.brands.submitted(limit);
  }

  /** The campaigner query (DESIGN.md): one keyset page in slug order. */
  async list(query: ListBrandsQueryDto, viewer: Viewer): Promise<Page<BrandListItem>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const filter = this.toFilter(query, viewer);
    if (!filter) return { items: [], nextCursor: null };
    const after = query.cursor ? decodeCursor(query.cursor, ['slug'] as const).slug : undefined;
    const rows = await this.brands.page(filter, after, limit);
    return toPage(
      rows,
      limit,
      (row) => encodeCursor({ slug: row.slug }),
      (row) => toBrandListItem(row, viewer),
    );
  }

  async facets(query: BrandFiltersDto, viewer: Viewer): Promise<BrandFacets> {
    const filter = this.toFilter(query, viewer);
    if (!filter) return { total: 0, sectors: [], countries: [], commitment: { any: 0, none: 0, types: [] } };
    const row = await this.brands.facets(filter);
    return {
      total: row.total,
      sectors: row.sectors,
      countries: row.countries,
      commitment: { any: row.committed, none: row.total - row.committed, types: row.types },
    };
  }

  /** Every brand matching the campaigner filters (from toFilter), streamed in slug order, for the exports. */
  exportRows(filter: BrandSearchFilter): AsyncGenerator<BrandExportRow> {
    return this.brands.exportRows(filter);
  }

  /** Recomputes the brand standings a passing day made stale (the worker's daily job); returns how many. */
  refreshExpiredStandings(): Promise<number> {
    return this.brands.refreshExpiredStandings();
  }

  async submit(ref: string, actor: AuthenticatedUser): Promise<Brand> {
    await this.reviews.submit(REVIEW_TARGET, await this.idOf(ref), actor);
    return this.reload(ref);
  }

  async review(ref: string, decision: ReviewDecision, note: string | undefined, actor: AuthenticatedUser) {
    await this.reviews.review(REVIEW_TARGET, await this.idOf(ref), decision, note, actor);
    return this.reload(ref);
  }

  /** Marks a brand verified on the system's authority (demo seeds, trusted imports); audited, no HTTP route. */
  async verifyAsSystem(ref: string, note: string): Promise<Brand> {
    await this.reviews.verifyAsSystem(REVIEW_TARGET, await this.idOf(ref), note);
    return this.reload(ref);
  }

  /**
   * The campaigner filters as the search SQL takes them (exports stream the same WHERE clause). Null when
   * the reader may see nothing with these filters (an anonymous reader asking for drafts).
   */
  toFilter(query: BrandFiltersDto, viewer: Viewer): BrandSearchFilter | null {
    const statuses = visibleStatuses(viewer, query.status);
    if (!statuses.length) return null;
    return {
      statuses,
      asOf: query.asOf ?? today(),
      namePattern: query.q?.trim() ? containsPattern(query.q) : undefined,
      sector: query.sector,
      country: query.country,
      commitment: query.commitment,
      exposed: query.exposed,
      listedSupplier: query.listedSupplier,
    };
  }

  private async companyIdOf(ref: string, manager: EntityManager): Promise<string> {
    const company = await this.companies.findByRef(ref, manager);
    if (!company) {
      throw new DomainError(DomainErrorCode.InvalidInput, `company: no company "${ref}"`, [
        { field: 'company', reasons: [`no company "${ref}"`] },
      ]);
    }
    return company.id;
  }

  private async idOf(ref: string): Promise<string> {
    const brand = await this.brands.findByRef(ref);
    if (!brand) throw brandNotFound(ref);
    return brand.id;
  }

  private async reload(ref: string): Promise<Brand> {
    const brand = await this.brands.findByRef(ref);
    if (!brand) throw brandNotFound(ref);
    return brand;
  }
}
