import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EvidenceView } from '../../../evidence/sources/dto/evidence.view';
import { ReviewStatus } from '../../../kernel/review/review-status';
import { CommitmentType } from '../../../kernel/as-of/commitment-type';
import { DatePrecision } from '../../../kernel/dates/known-date';
import { SubjectRef } from '../../claim-stack/subject-ref.view';
import { CommitmentScopeDto } from './commitment-scope.dto';

export class CommitmentView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ type: SubjectRef, nullable: true, description: 'Set for a brand-level commitment' })
  brand!: SubjectRef | null;
  @ApiPropertyOptional({ type: SubjectRef, nullable: true, description: 'Set for a group-level commitment' })
  company!: SubjectRef | null;
  @ApiProperty({ enum: CommitmentType }) type!: CommitmentType;
  @ApiProperty({ type: CommitmentScopeDto }) scope!: CommitmentScopeDto;
  @ApiProperty() statedOn!: string;
  @ApiProperty({ enum: DatePrecision }) statedOnPrecision!: DatePrecision;
  @ApiProperty({ description: 'The day the as-of rule counts it from' }) effectiveOn!: string;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) supersedesId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'For a retraction: what it withdraws' })
  retractsId!: string | null;
  @ApiProperty({ enum: ReviewStatus }) status!: ReviewStatus;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewNote!: string | null;
  @ApiPropertyOptional({ description: 'In force on the asked day (lists only)' }) inForce?: boolean;
  @ApiProperty({ type: [EvidenceView] }) evidence!: EvidenceView[];
}
