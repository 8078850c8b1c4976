import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EvidenceCapture } from '../capture.entity';
import { captureFailureReason } from '../capture-failure';
import type { LinkCheck } from '../link-check.entity';
import type { LinkHealth } from '../link-health.entity';
import { LINK_HEALTH_STATES, type LinkHealthState } from '../link-health-state';

export class CaptureView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['pending', 'done', 'failed'] }) state!: string;
  @ApiProperty({ enum: ['logged', 'changed'] }) reason!: string;
  @ApiPropertyOptional({ description: '1 is the original; null until done', type: Number, nullable: true })
  version!: number | null;
  @ApiProperty() requestedUrl!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) finalUrl!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) httpStatus!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) contentType!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) htmlSha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) textSha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) screenshotSha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) bodySha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) capturedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) errorKind!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) error!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why a failed capture failed, in words',
    example: 'not found (the page answered 404)',
  })
  failureReason!: string | null;
  @ApiProperty() createdAt!: string;
}

export class LinkCheckView {
  @ApiProperty() checkedAt!: string;
  @ApiProperty({ enum: LINK_HEALTH_STATES }) outcome!: LinkHealthState;
  @ApiPropertyOptional({ type: Number, nullable: true }) httpStatus!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) finalUrl!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) textSha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The capture version this check stored' })
  captureId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) detail!: string | null;
}

export class LinkHealthView {
  @ApiProperty({ enum: LINK_HEALTH_STATES }) state!: LinkHealthState;
  @ApiPropertyOptional({ type: String, nullable: true }) lastCheckedAt!: string | null;
  @ApiProperty() nextCheckAt!: string;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ type: [LinkCheckView], description: 'Latest checks, newest first' })
  recentChecks!: LinkCheckView[];
}

/** `GET /api/evidence/:id/captures`: every capture attempt (oldest first) and the link health. */
export class CaptureListView {
  @ApiProperty({ type: [CaptureView] }) items!: CaptureView[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: one page holds every capture' })
  nextCursor!: null;
  @ApiPropertyOptional({
    type: LinkHealthView,
    nullable: true,
    description: 'Null until the original exists',
  })
  linkHealth!: LinkHealthView | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toCaptureView(capture: EvidenceCapture): CaptureView {
  return {
    id: capture.id,
    state: capture.state,
    reason: capture.reason,
    version: capture.version,
    requestedUrl: capture.requestedUrl,
    finalUrl: capture.finalUrl,
    httpStatus: capture.httpStatus,
    contentType: capture.contentType,
    htmlSha256: capture.htmlSha256,
    textSha256: capture.textSha256,
    screenshotSha256: capture.screenshotSha256,
    bodySha256: capture.bodySha256,
    capturedAt: iso(capture.capturedAt),
    errorKind: capture.errorKind,
    error: capture.error,
    failureReason: capture.state === 'failed' ? captureFailureReason(capture) : null,
    createdAt: capture.createdAt.toISOString(),
  };
}

export function toLinkHealthView(health: LinkHealth, checks: LinkCheck[]): LinkHealthView {
  return {
    state: health.state,
    lastCheckedAt: iso(health.lastCheckedAt),
    nextCheckAt: health.nextCheckAt.toISOString(),
    consecutiveFailures: health.consecutiveFailures,
    recentChecks: checks.map((check) => ({
      checkedAt: check.checkedAt.toISOString(),
      outcome: check.outcome,
      httpStatus: check.httpStatus,
      finalUrl: check.finalUrl,
      textSha256: check.textSha256,
      captureId: check.captureId,
      detail: check.detail,
    })),
  };
}
