import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ReviewStatus } from '../../../kernel/review/review-status';
import { ClaimRowBase, claimSubjectSql } from '../../claim-stack/claim-row';
import { SqlParams } from '../../claim-stack/sql-params';
import type { ClosureReason } from './closure-reason';
import { FindingClosure } from './finding-closure.entity';

export interface ClosureRow extends ClaimRowBase {
  finding_id: string;
  ended_on: string;
  reason: ClosureReason;
  summary: string;
}

const CLOSURE_SUBJECT = claimSubjectSql('fc');

/** A closure row's columns for a query aliasing finding_closures `fc` with its subject joins (scorecards too). */
export const CLOSURE_COLUMNS = `fc.id, fc.finding_id, ${CLOSURE_SUBJECT.columns}, fc.ended_on::text AS ended_on,
       fc.reason, fc.summary, fc.status, fc.created_at, fc.review_note`;

/** The door to the finding_closures table for reads (its writes go through the claim stack's insert). */
@Injectable()
export class ClosuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Closures of a finding that are not rejected: under way or in force. */
  countOpen(manager: EntityManager, findingId: string): Promise<number> {
    return manager
      .getRepository(FindingClosure)
      .createQueryBuilder('closure')
      .where('closure.finding_id = :findingId', { findingId })
      .andWhere("closure.status <> 'rejected'")
      .getCount();
  }

  /**
   * Closures by id or by finding, oldest first; served by idx_finding_closures_finding:
   *   SELECT fc.*, brand and group names FROM finding_closures fc ... WHERE fc.status = ANY($1) AND ...
   */
  list(filter: {
    statuses: ReviewStatus[];
    id?: string;
    findingId?: string;
    findingIds?: string[];
  }): Promise<ClosureRow[]> {
    const params = new SqlParams();
    const clauses = [`fc.status = ANY(${params.param(filter.statuses)}::text[])`];
    if (filter.id) clauses.push(`fc.id = ${params.param(filter.id)}::uuid`);
    if (filter.findingId) clauses.push(`fc.finding_id = ${params.param(filter.findingId)}::uuid`);
    if (filter.findingIds) clauses.push(`fc.finding_id = ANY(${params.param(filter.findingIds)}::uuid[])`);
    return this.dataSource.query<ClosureRow[]>(
      `
SELECT ${CLOSURE_COLUMNS}
FROM finding_closures fc
${CLOSURE_SUBJECT.joins}
WHERE ${clauses.join(' AND ')}
ORDER BY fc.created_at, fc.id
LIMIT 200`,
      params.values,
    );
  }
}
