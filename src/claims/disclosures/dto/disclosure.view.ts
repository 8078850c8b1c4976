import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SubjectRef } from '../../claim-stack/subject-ref.view';
import { DatePrecision } from '../../../kernel/dates/known-date';
import { EvidenceView } from '../../../evidence/sources/dto/evidence.view';
import { ReviewStatus } from '../../../kernel/review/review-status';
import { DisclosureKind } from '../disclosure-kind';

export class DisclosureView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ type: SubjectRef, nullable: true, description: 'Set for a brand-level disclosure' })
  brand!: SubjectRef | null;
  @ApiPropertyOptional({ type: SubjectRef, nullable: true, description: 'Set for a group-level disclosure' })
  company!: SubjectRef | null;
  @ApiProperty({ enum: ['brand', 'group'] }) level!: 'brand' | 'group';
  @ApiProperty({ enum: DisclosureKind }) kind!: DisclosureKind;
  @ApiProperty() disclosedOn!: string;
  @ApiProperty({ enum: DatePrecision }) disclosedOnPrecision!: DatePrecision;
  @ApiProperty({ description: 'The day the as-of rule counts it from' }) effectiveOn!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) withdrawnOn!: string | null;
  @ApiProperty() url!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ enum: ReviewStatus }) status!: ReviewStatus;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewNote!: string | null;
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
}
