import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FLAG_KINDS,
  type Flag,
  type FlagKind,
  type FlagSignificance,
  type FlagStatus,
} from '../flags/flag.entity';
import { SnapshotView } from './watch.view';

export class FlagView {
  @ApiProperty() id!: string;
  @ApiProperty() watchId!: string;
  @ApiProperty() brandId!: string;
  @ApiProperty({ enum: FLAG_KINDS }) kind!: FlagKind;
  @ApiProperty({ enum: ['minor', 'major'] }) significance!: FlagSignificance;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [String] }) terms!: string[];
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ enum: ['open', 'confirmed', 'dismissed'] }) status!: FlagStatus;
  @ApiPropertyOptional({ nullable: true, type: Number }) httpStatus!: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Page-gone flags: when it answered again',
  })
  returnedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) oldSnapshotId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) newSnapshotId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resolutionNote!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resolvedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) createdCommitmentId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) createdEvidenceId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) createdFindingId!: string | null;
  @ApiProperty() createdAt!: string;
}

/** One flag with its diff and both snapshots, for the reviewer's side-by-side view. */
export class FlagDetailView extends FlagView {
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
  @ApiPropertyOptional({ type: SnapshotView, nullable: true }) oldSnapshot!: SnapshotView | null;
  @ApiPropertyOptional({ type: SnapshotView, nullable: true }) newSnapshot!: SnapshotView | null;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toFlagView(flag: Flag): FlagView {
  return {
    id: flag.id,
    watchId: flag.watchId,
    brandId: flag.brandId,
    kind: flag.kind,
    significance: flag.significance,
    score: flag.score,
    terms: flag.terms,
    reasons: flag.reasons,
    status: flag.status,
    httpStatus: flag.httpStatus,
    returnedAt: iso(flag.returnedAt),
    oldSnapshotId: flag.oldSnapshotId,
    newSnapshotId: flag.newSnapshotId,
    resolutionNote: flag.resolutionNote,
    resolvedBy: flag.resolvedById,
    resolvedAt: iso(flag.resolvedAt),
    createdCommitmentId: flag.createdCommitmentId,
    createdEvidenceId: flag.createdEvidenceId,
    createdFindingId: flag.createdFindingId,
    createdAt: flag.createdAt.toISOString(),
  };
}
