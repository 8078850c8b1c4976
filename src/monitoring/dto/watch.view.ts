import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Snapshot } from '../checks/snapshot.entity';
import { WATCH_HEALTH, type Watch, type WatchHealth } from '../watches/watch.entity';

export class WatchView {
  @ApiProperty() id!: string;
  @ApiProperty() brandId!: string;
  @ApiProperty() url!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) selector!: string | null;
  @ApiProperty() intervalMinutes!: number;
  @ApiProperty() needsBrowser!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'One statement in several languages' })
  statementGroup!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: WATCH_HEALTH }) health!: WatchHealth;
  @ApiProperty() consecutiveFailures!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastSuccessAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastCheckedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Set while the page is gone' })
  goneSince!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Set while a run of checks met a bot wall, challenge or rate-limit page',
  })
  blockedSince!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Vendor of the latest wall met' })
  blockedBy!: string | null;
  @ApiProperty({ description: 'Checks in a row that met a bot wall' }) consecutiveBlocks!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) currentSnapshotId!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class SnapshotView {
  @ApiProperty() id!: string;
  @ApiProperty() watchId!: string;
  @ApiProperty() contentHash!: string;
  @ApiProperty() fetchedAt!: string;
  @ApiProperty() finalUrl!: string;
  @ApiProperty() httpStatus!: number;
  @ApiProperty({ enum: ['http', 'browser'] }) via!: 'http' | 'browser';
  @ApiProperty() title!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ description: 'GET this for the main text' }) textUrl!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'GET this for the screenshot (PNG)' })
  screenshotUrl!: string | null;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toWatchView(watch: Watch): WatchView {
  return {
    id: watch.id,
    brandId: watch.brandId,
    url: watch.url,
    selector: watch.selector,
    intervalMinutes: watch.intervalMinutes,
    needsBrowser: watch.needsBrowser,
    language: watch.language,
    statementGroup: watch.statementGroup,
    active: watch.active,
    health: watch.health,
    consecutiveFailures: watch.consecutiveFailures,
    lastError: watch.lastError,
    lastSuccessAt: iso(watch.lastSuccessAt),
    lastCheckedAt: iso(watch.lastCheckedAt),
    goneSince: iso(watch.goneSince),
    blockedSince: iso(watch.blockedSince),
    blockedBy: watch.blockedBy,
    consecutiveBlocks: watch.consecutiveBlocks,
    currentSnapshotId: watch.currentSnapshotId,
    createdBy: watch.createdById,
    createdAt: watch.createdAt.toISOString(),
  };
}

export function toSnapshotView(snapshot: Snapshot): SnapshotView {
  return {
    id: snapshot.id,
    watchId: snapshot.watchId,
    contentHash: snapshot.contentHash,
    fetchedAt: snapshot.fetchedAt.toISOString(),
    finalUrl: snapshot.finalUrl,
    httpStatus: snapshot.httpStatus,
    via: snapshot.via,
    title: snapshot.title,
    language: snapshot.language,
    textUrl: `/api/snapshots/${snapshot.id}/text`,
    screenshotUrl: snapshot.screenshotSha256 ? `/api/snapshots/${snapshot.id}/screenshot` : null,
  };
}

/** `POST /api/watches/:id/check`: the check is queued; repeated requests within a few seconds share its job. */
export class CheckQueuedView {
  @ApiProperty({ description: 'The BullMQ job of the check' }) jobId!: string;
}
