import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../identity/audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { BrandsService } from '../../catalogue/brands/brands.service';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { DEFAULT_PAGE_SIZE, type Page } from '../../platform/pagination/page';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import { SnapshotsService } from '../checks/snapshots.service';
import { toFlagView, type FlagDetailView, type FlagView } from '../dto/flag.view';
import type { ListFlagsQueryDto } from '../dto/list-flags-query.dto';
import type { ResolveFlagDto } from '../dto/resolve-flag.dto';
import { toSnapshotView } from '../dto/watch.view';
import { WatchesRepository } from '../watches/watches.repository';
import { Flag } from './flag.entity';
import { FlagCreations } from './flag-creations';
import { FlagsRepository } from './flags.repository';

/** Reviewers' side of flags: the triage list, one flag with its diff, and resolving it. */
@Injectable()
export class FlagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flags: FlagsRepository,
    private readonly watches: WatchesRepository,
    private readonly snapshots: SnapshotsService,
    private readonly brands: BrandsService,
    private readonly creations: FlagCreations,
    private readonly audit: AuditService,
    private readonly evidenceCaptures: EvidenceService,
  ) {}

  async list(query: ListFlagsQueryDto): Promise<Page<FlagView>> {
    const page = await this.page(query);
    return { items: page.items.map(toFlagView), nextCursor: page.nextCursor };
  }

  /** A page of flags with their URLs and snapshots (the triage queue), in three queries for the page. */
  async listWithDetails(query: ListFlagsQueryDto): Promise<Page<FlagDetailView>> {
    const page = await this.page(query);
    return { items: await this.withDetails(page.items), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<FlagDetailView> {
    const flag = await this.flags.findById(id);
    if (!flag) throw notFound(id);
    const [detail] = await this.withDetails([flag]);
    return detail;
  }

  private async page(query: ListFlagsQueryDto): Promise<Page<Flag>> {
    let brandId: string | undefined;
    if (query.brand) {
      const brand = await this.brands.findByRef(query.brand);
      if (!brand) return { items: [], nextCursor: null };
      brandId = brand.id;
    }
    const filter = { status: query.status, significance: query.significance, brandId };
    return this.flags.page(filter, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
  }

  private async withDetails(flags: Flag[]): Promise<FlagDetailView[]> {
    const snapshotIds = flags
      .flatMap((flag) => [flag.oldSnapshotId, flag.newSnapshotId])
      .filter((value): value is string => value !== null);
    const [watches, snapshots] = await Promise.all([
      this.watches.findByIds([...new Set(flags.map((flag) => flag.watchId))]),
      this.snapshots.byIds([...new Set(snapshotIds)]),
    ]);
    const urls = new Map(watches.map((watch) => [watch.id, watch.url]));
    const view = (snapshotId: string | null) => {
      const snapshot = snapshotId ? snapshots.get(snapshotId) : undefined;
      return snapshot ? toSnapshotView(snapshot) : null;
    };
    return flags.map((flag) => ({
      ...toFlagView(flag),
      url: urls.get(flag.watchId) ?? '',
      added: flag.added,
      removed: flag.removed,
      oldSnapshot: view(flag.oldSnapshotId),
      newSnapshot: view(flag.newSnapshotId),
    }));
  }

  /**
   * Confirms or dismisses an open flag. Drafts asked for on confirmation are made, submitted and recorded on
   * the flag in one transaction: a refusal of any of them leaves nothing behind, the flag still open.
   */
  async resolve(id: string, input: ResolveFlagDto, actor: AuthenticatedUser): Promise<FlagView> {
    const note = input.note?.trim() || null;
    if (input.resolution === 'dismissed' && !note)
      throw invalid('note', 'note is required to dismiss a flag');
    if (input.resolution === 'dismissed' && input.create) {
      throw invalid('create', 'create is only allowed when confirming a flag');
    }
    const { view, created } = await this.dataSource.transaction(async (manager) => {
      const flag = await this.flags.lockById(id, manager);
      if (!flag) throw notFound(id);
      if (flag.status !== 'open') throw alreadyResolved(flag);
      const created = input.create ? await this.creations.make(manager, flag, input.create, actor) : {};
      const before = toFlagView(flag);
      Object.assign(flag, {
        status: input.resolution,
        resolutionNote: note,
        resolvedById: actor.id,
        resolvedAt: new Date(),
        createdCommitmentId: created.commitmentId ?? null,
        createdEvidenceId: created.evidence?.id ?? null,
        createdFindingId: created.findingId ?? null,
      });
      const saved = await manager.getRepository(Flag).save(flag);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: `flag.${input.resolution === 'confirmed' ? 'confirm' : 'dismiss'}`,
        entityType: 'flag',
        entityId: id,
        before,
        after: toFlagView(saved),
      });
      return { view: toFlagView(saved), created };
    });
    if (created.evidence) await this.evidenceCaptures.scheduleCapture(created.evidence);
    return view;
  }
}

function notFound(id: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `No flag ${id}`);
}

function alreadyResolved(flag: Flag): DomainError {
  return new DomainError(DomainErrorCode.InvalidState, `Flag ${flag.id} is already ${flag.status}`);
}

function invalid(field: string, reason: string): DomainError {
  return new DomainError(DomainErrorCode.InvalidInput, reason, [{ field, reasons: [reason] }]);
}
