import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EvidenceView } from '../../../../evidence/sources/dto/evidence.view';
import { ReviewStatus } from '../../../../kernel/review/review-status';
import { SubjectRef } from '../../../claim-stack/subject-ref.view';
import { ClosureReason } from '../closure-reason';

export class ClosureView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The finding it ends' }) findingId!: string;
  @ApiPropertyOptional({ type: SubjectRef, nullable: true }) brand!: SubjectRef | null;
  @ApiPropertyOptional({ type: SubjectRef, nullable: true }) company!: SubjectRef | null;
  @ApiProperty() endedOn!: string;
  @ApiProperty({ enum: ClosureReason }) reason!: ClosureReason;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: ReviewStatus }) status!: ReviewStatus;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewNote!: string | null;
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
}
