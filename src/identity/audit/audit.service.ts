import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../../platform/pagination/page';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { auditReadScope } from './audit-access';
import { AuditEntry } from './audit-entry.entity';
import { withoutSecrets } from './audit-secrets';
import type { AuditEntryInput } from './audit-entry-input';
import { asStoredJson, auditEntryHash, GENESIS_HASH, HashedAuditContent } from './audit-hash';

/**
 * Every appender takes this transaction-scoped advisory lock before reading the head of the chain, so two
 * writers can never both extend the same entry (the unique index on seq would refuse the second anyway).
 * Held until the caller's transaction ends: record() is best called as the transaction's last statement.
 */
const AUDIT_CHAIN_LOCK = 4_172_930_551;

export class AuditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() occurredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true }) before!: unknown;
  @ApiPropertyOptional({ type: 'object', nullable: true, additionalProperties: true }) after!: unknown;
  @ApiProperty({ description: 'SHA-256 of the entry and of the one before it' }) hash!: string;
}

export interface AuditListQuery {
  entityType?: string;
  entityId?: string;
  cursor?: string;
  limit?: number;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one entry; call it inside the transaction of the write it describes, so both commit or neither. */
  async record(manager: EntityManager, entry: AuditEntryInput): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      // Outside a transaction the advisory lock would be released at once and the chain could fork.
      throw new Error('AuditService.record must run inside the transaction of the write it describes');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const head = await manager
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .select(['entry.seq', 'entry.hash'])
      .orderBy('entry.seq', 'DESC')
      .limit(1)
      .getOne();
    const content: HashedAuditContent = {
      seq: String(head ? BigInt(head.seq) + 1n : 1n),
      occurredAt: new Date().toISOString(),
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: asStoredJson(withoutSecrets(entry.entityType, entry.before)),
      after: asStoredJson(withoutSecrets(entry.entityType, entry.after)),
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    const row: Omit<AuditEntry, 'id'> = {
      ...content,
      occurredAt: new Date(content.occurredAt),
      prevHash,
      hash: auditEntryHash(prevHash, content),
    };
    // TypeORM's insert typing cannot express "any JSON" for jsonb columns; the row type above is the check.
    await manager.getRepository(AuditEntry).insert(row as QueryDeepPartialEntity<AuditEntry>);
  }

  /**
   * History, newest first, optionally of one entity type or one record: all of it for an admin, for others
   * only entries about records they may read (audit-access.ts).
   */
  async list(query: AuditListQuery, reader: AuthenticatedUser): Promise<Page<AuditEntryView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const builder = this.dataSource.getRepository(AuditEntry).createQueryBuilder('entry');
    const scope = auditReadScope(reader);
    if (scope) builder.andWhere(scope.where, scope.params);
    if (query.entityType !== undefined) builder.andWhere('entry.entityType = :entityType', query);
    if (query.entityId !== undefined) builder.andWhere('entry.entityId = :entityId', query);
    if (query.cursor !== undefined) {
      const { seq } = decodeCursor(query.cursor, ['seq'] as const);
      if (!/^\d{1,18}$/.test(seq)) throw badCursor();
      builder.andWhere('entry.seq < :seq', { seq });
    }
    const rows = await builder
      .orderBy('entry.seq', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, (row) => encodeCursor({ seq: row.seq }), toView);
  }
}

function toView(row: AuditEntry): AuditEntryView {
  return {
    id: row.id,
    seq: Number(row.seq),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: withoutSecrets(row.entityType, row.before),
    after: withoutSecrets(row.entityType, row.after),
    hash: row.hash,
  };
}

function badCursor(): DomainError {
  const reason = 'cursor is not a cursor this list returned';
  return new DomainError(DomainErrorCode.InvalidInput, reason, [{ field: 'cursor', reasons: [reason] }]);
}
