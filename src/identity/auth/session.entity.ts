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

/**
 * A browser session. The cookie carries a random secret; only its SHA-256 is stored, so a copy of this table
 * cannot be replayed as cookies. Logout deletes the row, so a stolen cookie dies with it.
 */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_sessions_user')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_sessions_user' })
  user!: Relation<User>;

  @Index('idx_sessions_secret_hash', { unique: true })
  @Column({ type: 'bytea' })
  secretHash!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Purging expired rows serves this index. */
  @Index('idx_sessions_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
