import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiToken } from './api-token.entity';

/** A token as lists show it: never the secret, nor its hash. */
export class ApiTokenView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the token, to tell tokens apart' })
  displayPrefix!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) expiresAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastUsedAt!: string | null;
}

/** Returned once, at creation: the only time the secret is ever shown. */
export class CreatedApiToken extends ApiTokenView {
  @ApiProperty({ description: 'The secret (`pw_...`), sent as `Authorization: Bearer`' }) token!: string;
}

export function toApiTokenView(token: ApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    displayPrefix: token.displayPrefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

/** What the audit log keeps about a token. */
export function auditedToken(token: ApiToken): Record<string, unknown> {
  return {
    id: token.id,
    userId: token.userId,
    name: token.name,
    displayPrefix: token.displayPrefix,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
