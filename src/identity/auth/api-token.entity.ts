import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../users/user.entity';

/** A long-lived credential for scripts, sent as `Authorization: Bearer pw_...`; only its SHA-256 is stored. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_api_tokens_user')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_api_tokens_user' })
  user!: Relation<User>;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The first characters of the secret, shown in lists so people can tell their tokens apart. */
  @Column({ type: 'varchar', length: 16 })
  displayPrefix!: string;

  @Index('idx_api_tokens_secret_hash', { unique: true })
  @Column({ type: 'bytea' })
  secretHash!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
