import { Check, Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';
import { ReviewStatus } from './review-status';

/**
 * Columns every reviewable record shares: who created it, where it is in the review workflow, who
 * reviewed it and why. Each entity adds its own `createdBy`/`reviewedBy` relations so the foreign keys
 * carry names of their own table.
 */
export abstract class Reviewable {
  @Column({ type: 'varchar', length: 16, default: ReviewStatus.Draft })
  status!: ReviewStatus;

  /** Null only for records loaded by the system (demo seeds), never for API writes. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewNote!: string | null;
}

/** Adds the review checks every reviewable table carries, named after the table. */
export function ReviewChecks(table: string): ClassDecorator {
  return (target) => {
    for (const [name, expression] of reviewChecks(table)) Check(name, expression)(target);
  };
}

function reviewChecks(table: string): Array<[string, string]> {
  return [
    [`chk_${table}_status`, `status IN ('draft', 'submitted', 'verified', 'rejected')`],
    [`chk_${table}_reviewed`, `(status IN ('verified', 'rejected')) = (reviewed_at IS NOT NULL)`],
    [`chk_${table}_rejection_note`, `status <> 'rejected' OR review_note IS NOT NULL`],
  ];
}
