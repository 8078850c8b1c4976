import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SubjectRef } from '../../claim-stack/subject-ref.view';
import { DatePrecision } from '../../../kernel/dates/known-date';
import { EvidenceView } from '../../../evidence/sources/dto/evidence.view';
import { ReviewStatus } from '../../../kernel/review/review-status';
import { FindingKind, FindingResponse } from '../finding-kind';

export class FindingView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ type: SubjectRef, nullable: true }) brand!: SubjectRef | null;
  @ApiPropertyOptional({ type: SubjectRef, nullable: true }) company!: SubjectRef | null;
  @ApiProperty({ enum: FindingKind }) kind!: FindingKind;
  @ApiPropertyOptional({ nullable: true, type: String }) reportName!: string | null;
  @ApiProperty() publishedOn!: string;
  @ApiProperty({ enum: DatePrecision }) publishedOnPrecision!: DatePrecision;
  @ApiProperty() effectiveOn!: string;
  @ApiProperty() finding!: string;
  @ApiProperty({ enum: FindingResponse }) response!: FindingResponse;
  @ApiPropertyOptional({ nullable: true, type: String }) endedOn!: string | null;
  @ApiProperty({ enum: ReviewStatus }) status!: ReviewStatus;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewNote!: string | null;
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
}
