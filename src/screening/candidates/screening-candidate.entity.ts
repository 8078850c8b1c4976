import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Brand } from '../../catalogue/brands/brand.entity';
import { ExposureFinding } from '../../claims/findings/exposure-finding.entity';
import { User } from '../../identity/users/user.entity';
import { EntityListEntry } from '../lists/entity-list-entry.entity';
import { SupplierFacility } from '../lists/supplier-facility.entity';

export enum CandidateState {
  Open = 'open',
  /** A reviewer confirmed it: a draft exposure finding now exists (`findingId`). */
  Confirmed = 'confirmed',
  Dismissed = 'dismissed',
}

/**
 * A supplier facility that looks like a listed entity, waiting for a reviewer. The pair is remembered by the
 * brand, the supplier's id in its list, the entry and both sides' content hashes
 * (uq_screening_candidates_pair): screening the same pair again adds nothing, so a dismissal holds until the
 * supplier's row or the entry changes.
 */
@Entity('screening_candidates')
@Index(
  'uq_screening_candidates_pair',
  ['brandId', 'supplierExternalId', 'facilityHash', 'entryId', 'entryHash'],
  { unique: true },
)
@Index('idx_screening_candidates_queue', ['state', 'createdAt', 'id'])
@Check('chk_screening_candidates_decision', `decision IN ('match', 'possible')`)
@Check('chk_screening_candidates_state', `state IN ('open', 'confirmed', 'dismissed')`)
@Check('chk_screening_candidates_confirmed_finding', `(state = 'confirmed') = (finding_id IS NOT NULL)`)
export class ScreeningCandidate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_screening_candidates_brand' })
  brand?: Relation<Brand>;

  @Column({ type: 'uuid' })
  brandId!: string;

  @ManyToOne(() => SupplierFacility, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facility_id', foreignKeyConstraintName: 'fk_screening_candidates_facility' })
  facility?: Relation<SupplierFacility>;

  @Column({ type: 'uuid' })
  facilityId!: string;

  @Column({ type: 'varchar', length: 200 })
  supplierExternalId!: string;

  @Column({ type: 'char', length: 64 })
  facilityHash!: string;

  @ManyToOne(() => EntityListEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_screening_candidates_entry' })
  entry?: Relation<EntityListEntry>;

  @Column({ type: 'uuid' })
  entryId!: string;

  @Column({ type: 'char', length: 64 })
  entryHash!: string;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'varchar', length: 10 })
  decision!: 'match' | 'possible';

  @Column({ type: 'jsonb' })
  reasons!: string[];

  @Column({ type: 'varchar', length: 12, default: CandidateState.Open })
  state!: CandidateState;

  @ManyToOne(() => ExposureFinding, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'fk_screening_candidates_finding' })
  finding?: Relation<ExposureFinding> | null;

  @Column({ type: 'uuid', nullable: true })
  findingId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'fk_screening_candidates_decided_by' })
  decidedBy?: Relation<User> | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
