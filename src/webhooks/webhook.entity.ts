import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { User } from '../identity/users/user.entity';

/**
 * A chat or automation endpoint told about new major flags. The secret signs every delivery (HMAC-SHA256);
 * it is kept as is because signing needs it, and the API shows it once, when the webhook is created.
 */
@Entity('webhooks')
@Index('idx_webhooks_created', ['createdAt'])
export class Webhook {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** Who reads the channel (e.g. "apparel desk"), so admins know whom to ask before deleting it. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  team!: string | null;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text' })
  secret!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_webhooks_created_by' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
