import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReviewStatus } from '../../../kernel/review/review-status';
import type { Evidence } from '../evidence.entity';
import { EvidenceKind } from '../evidence-kind';

export class EvidenceView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) url!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) documentRef!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) title!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) publisher!: string | null;
  @ApiProperty({ enum: EvidenceKind }) kind!: EvidenceKind;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedOn!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) accessedOn!: string | null;
  @ApiProperty({ enum: ReviewStatus }) status!: ReviewStatus;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewNote!: string | null;
}

/** What a view of evidence is made of: an entity, or a row a read model selected (scorecards). */
export type EvidenceFields = Pick<
  Evidence,
  | 'id'
  | 'url'
  | 'documentRef'
  | 'title'
  | 'publisher'
  | 'kind'
  | 'publishedOn'
  | 'accessedOn'
  | 'status'
  | 'createdAt'
  | 'reviewNote'
>;

export function toEvidenceView(evidence: EvidenceFields): EvidenceView {
  return {
    id: evidence.id,
    url: evidence.url,
    documentRef: evidence.documentRef,
    title: evidence.title,
    publisher: evidence.publisher,
    kind: evidence.kind,
    publishedOn: evidence.publishedOn,
    accessedOn: evidence.accessedOn,
    status: evidence.status,
    createdAt: evidence.createdAt.toISOString(),
    reviewNote: evidence.reviewNote,
  };
}
