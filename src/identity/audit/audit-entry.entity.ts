import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the append-only audit log. `hash` = SHA-256 over the entry's canonical JSON and `prevHash`
 * (the hash of the entry with sequence `seq - 1`), so editing, deleting or reordering history breaks the chain
 * (see audit-hash.ts). A trigger refuses UPDATE, DELETE and TRUNCATE (see the migration).
 */
@Entity('audit_log')
/** History of one record, newest first (GET /api/audit?entityType=&entityId=). */
@Index('idx_audit_log_entity_history', ['entityType', 'entityId', 'seq'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** 1, 2, 3... without gaps: assigned under an advisory lock, so a gap means a deleted row. */
  @Index('idx_audit_log_seq', { unique: true })
  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** Null for the system (migrations, the monitor). No foreign key: the log must outlive what it mentions. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ type: 'varchar', length: 100 })
  entityType!: string;

  @Column({ type: 'varchar', length: 200 })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
