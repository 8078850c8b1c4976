import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from '../auth/role.enum';

/**
 * A person who signs in. Emails are stored lower-cased (the check constraint holds us to it), so the unique
 * index makes them unique case-insensitively without citext or a functional index.
 * Users are disabled, never deleted: the audit log refers to them.
 */
@Entity('users')
@Check('chk_users_email_lowercase', `"email" = lower("email")`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  /** argon2id PHC string; never selected unless asked for (sign-in). */
  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
