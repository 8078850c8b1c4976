import type { DeepPartial, EntityManager, EntityTarget } from 'typeorm';
import type { Evidence } from '../../evidence/sources/evidence.entity';
import type { EvidenceOwner } from '../../evidence/sources/evidence.repository';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import type { ReviewTarget } from '../../kernel/review/review-runner';
import { ReviewStatus } from '../../kernel/review/review-status';
import { Role } from '../../identity/auth/role.enum';
import type { ReviewDecision } from '../../kernel/review/review-workflow';
import type { Reviewable } from '../../kernel/review/reviewable';
import { SYSTEM_READER, Viewer } from '../../kernel/review/visibility';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { Page, toPage } from '../../platform/pagination/page';
import type { ClaimSupport } from './claim-support';
import { ClaimSubject, subjectColumns } from './claim-subject';
import { publicationRefusal } from './publication-rule';

/** A claim table's entity: reviewable, about a brand or a group. */
export type ClaimRecord = Reviewable & { id: string; brandId: string | null; companyId: string | null };

/** A submitted claim and how many of its submitter's sources went with it. */
export interface ClaimSubmission<E> {
  claim: E;
  sourcesSubmitted: number;
}

/** What tells one claim kind from another, to the shared stack. */
export interface ClaimKind<E extends ClaimRecord> {
  entity: EntityTarget<E>;
  /** The owner name of its evidence links. */
  evidenceOwner: EvidenceOwner;
  /** The entity type in the audit log ('commitment', 'exposure_finding', 'disclosure'). */
  auditType: string;
  /** The word for one of them in messages ('commitment', 'finding', 'disclosure'). */
  noun: string;
}

/**
 * The one implementation of what every claim does (DESIGN.md: commitments, exposure findings,
 * disclosures): created as a draft about a brand or group with the evidence it cites, submitted, reviewed
 * under the four-eyes rule, never verified without evidence, listed newest first with its evidence. Each
 * kind adds its columns (`newRecord`), its row-to-view mapping, and its own queries.
 */
export abstract class ClaimService<
  E extends ClaimRecord,
  Row extends { id: string },
  View,
  Input extends { evidenceIds?: string[] },
> {
  protected readonly reviewTarget: ReviewTarget<E>;

  protected constructor(
    protected readonly support: ClaimSupport,
    protected readonly kind: ClaimKind<E>,
  ) {
    this.reviewTarget = {
      entity: kind.entity,
      auditType: kind.auditType,
      // The publication rule: nothing is verified, so nothing is public, without a verified source.
      beforeVerify: async (manager: EntityManager, record: E) => {
        const refusal = publicationRefusal(
          kind.noun,
          await support.evidence.citedBy(manager, kind.evidenceOwner, record.id),
        );
        if (refusal) throw refusal;
      },
    };
  }

  abstract get(id: string, viewer: Viewer): Promise<View>;

  /** The claim's own columns from the input (the stack sets subject, status and author); may refuse it. */
  protected abstract newRecord(
    subject: ClaimSubject,
    input: Input,
    manager: EntityManager,
  ): Promise<DeepPartial<E>> | DeepPartial<E>;

  protected abstract toView(row: Row, evidence: Evidence[], viewer: Viewer): View;

  /** A draft claim of a brand (by slug or id). `actor` null means the system (seeds, import). */
  async createForBrand(brandRef: string, input: Input, actor: AuthenticatedUser | null): Promise<View> {
    const brand = await this.support.brands.findByRef(brandRef);
    if (!brand) throw new DomainError(DomainErrorCode.NotFound, `No brand "${brandRef}"`);
    return this.createFor({ brandId: brand.id }, input, actor);
  }

  /** A draft group-level claim, which applies to every brand of the group. */
  async createForCompany(companyRef: string, input: Input, actor: AuthenticatedUser | null): Promise<View> {
    const company = await this.support.companies.findByRef(companyRef);
    if (!company) throw new DomainError(DomainErrorCode.NotFound, `No company "${companyRef}"`);
    return this.createFor({ companyId: company.id }, input, actor);
  }

  /** Claims (with their brand or group) waiting for review, oldest submission first (the reviewers' queue). */
  reviewQueue(limit: number): Promise<E[]> {
    // Brand and group are many-to-one, so the joins add no rows and LIMIT counts claims.
    return this.support.dataSource
      .getRepository(this.kind.entity)
      .createQueryBuilder('claim')
      .leftJoinAndSelect('claim.brand', 'brand')
      .leftJoinAndSelect('claim.company', 'company')
      .where('claim.status = :status', { status: ReviewStatus.Submitted })
      .orderBy('claim.submittedAt', 'ASC')
      .addOrderBy('claim.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Submits the claim and, in the same transaction, the draft (or rejected) sources it cites that the
   * submitter logged, so a claim and its sources reach the reviewer together whether it was submitted from
   * the API or the research pages. Other people's evidence is theirs to submit.
   */
  submit(id: string, actor: AuthenticatedUser): Promise<ClaimSubmission<E>> {
    return this.support.dataSource.transaction((manager) => this.submitIn(manager, id, actor));
  }

  /** The same inside `manager`'s transaction (drafts a reviewer makes from a flag go up for review at once). */
  async submitIn(manager: EntityManager, id: string, actor: AuthenticatedUser): Promise<ClaimSubmission<E>> {
    const claim = await this.support.reviews.submit(this.reviewTarget, id, actor, manager);
    const sources = await this.support.evidence.citedBy(manager, this.kind.evidenceOwner, id);
    const own = sources.filter(
      (source) =>
        (source.status === ReviewStatus.Draft || source.status === ReviewStatus.Rejected) &&
        (source.createdById === actor.id || actor.role === Role.Admin),
    );
    for (const source of own) await this.support.evidence.submit(source.id, actor, manager);
    return { claim, sourcesSubmitted: own.length };
  }

  /**
   * Verifies or rejects a submitted claim. With `withSources`, a reviewer who has read the captures verifies
   * the claim and its submitted sources in one act (four eyes applies to each source too); otherwise the
   * claim is verified only if a source it cites already is (the publication rule).
   */
  review(
    id: string,
    decision: ReviewDecision,
    note: string | undefined,
    actor: AuthenticatedUser,
    options: { withSources?: boolean } = {},
  ): Promise<E> {
    return this.support.dataSource.transaction(async (manager) => {
      if (decision === 'verify' && options.withSources) {
        const sources = await this.support.evidence.citedBy(manager, this.kind.evidenceOwner, id);
        for (const source of sources.filter((s) => s.status === ReviewStatus.Submitted)) {
          await this.support.evidence.review(source.id, 'verify', note, actor, manager);
        }
      }
      return this.support.reviews.review(this.reviewTarget, id, decision, note, actor, manager);
    });
  }

  /** Verifies on the system's authority (demo seeds, trusted imports); audited, no HTTP route. */
  verifyAsSystem(id: string, note: string): Promise<E> {
    return this.support.reviews.verifyAsSystem(this.reviewTarget, id, note);
  }

  /** Leaves a system-created draft unverified but queued for review, with a note for the reviewer (imports). */
  submitAsSystem(id: string, note: string): Promise<E> {
    return this.support.reviews.submitAsSystem(this.reviewTarget, id, note);
  }

  /** Rows with the evidence each cites that the reader may see, as views; one evidence query for all. */
  protected async withEvidence(rows: Row[], viewer: Viewer): Promise<View[]> {
    const evidence = await this.support.evidence.linkedTo(
      this.kind.evidenceOwner,
      rows.map((row) => row.id),
      viewer,
    );
    return rows.map((row) => this.toView(row, evidence.get(row.id) ?? [], viewer));
  }

  /** A page of views from rows fetched with `limit + 1` (see toPage). */
  protected async pageOf(
    rows: Row[],
    limit: number,
    cursorOf: (row: Row) => string,
    viewer: Viewer,
  ): Promise<Page<View>> {
    const page = toPage(rows, limit, cursorOf, (row) => row);
    return { items: await this.withEvidence(page.items, viewer), nextCursor: page.nextCursor };
  }

  /** A draft claim about the subject, with the evidence it cites, audited; then read back as its view. */
  protected async createFor(
    subject: ClaimSubject,
    input: Input,
    actor: AuthenticatedUser | null,
  ): Promise<View> {
    const id = await this.support.dataSource.transaction((manager) =>
      this.draftIn(manager, subject, input, actor),
    );
    return this.get(id, actor ?? SYSTEM_READER);
  }

  /** A draft claim of a brand inside `manager`'s transaction (drafted with a flag's confirmation); its id. */
  async draftForBrandIn(
    manager: EntityManager,
    brandRef: string,
    input: Input,
    actor: AuthenticatedUser,
  ): Promise<string> {
    const brand = await this.support.brands.findByRef(brandRef, manager);
    if (!brand) throw new DomainError(DomainErrorCode.NotFound, `No brand "${brandRef}"`);
    return this.draftIn(manager, { brandId: brand.id }, input, actor);
  }

  private async draftIn(
    manager: EntityManager,
    subject: ClaimSubject,
    input: Input,
    actor: AuthenticatedUser | null,
  ): Promise<string> {
    const repository = manager.getRepository(this.kind.entity);
    const saved = await repository.save(
      repository.create({
        ...subjectColumns(subject),
        ...(await this.newRecord(subject, input, manager)),
        status: ReviewStatus.Draft,
        createdById: actor?.id ?? null,
      } as DeepPartial<E>),
    );
    const evidenceIds = input.evidenceIds ?? [];
    await this.support.evidence.attach(manager, this.kind.evidenceOwner, saved.id, evidenceIds);
    await this.support.audit.record(manager, {
      actorId: actor?.id ?? null,
      action: `${this.kind.auditType}.create`,
      entityType: this.kind.auditType,
      entityId: saved.id,
      before: null,
      after: { ...saved, evidenceIds },
    });
    return saved.id;
  }
}
