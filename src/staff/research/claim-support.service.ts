import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { EvidenceService } from '../../evidence/sources/evidence.service';
import type { ClaimKind } from './claim-evidence';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What commitments and findings share on these pages: attaching evidence by id or URL. */
@Injectable()
export class ClaimSupport {
  constructor(private readonly evidence: EvidenceService) {}

  /** Attaches evidence named by id or exact URL; an unknown one is a problem of the `evidence` field. */
  async attach(kind: ClaimKind, claimId: string, reference: string, actor: AuthenticatedUser): Promise<void> {
    const evidenceId = await this.resolve(reference, actor);
    await this.evidence.link(evidenceId, evidenceTargets(kind, claimId), actor);
  }

  /** Evidence named by id or exact URL, as the reader may see it; an unknown one is a problem of `evidence`. */
  async resolve(reference: string, actor: AuthenticatedUser): Promise<string> {
    const trimmed = reference.trim();
    if (UUID.test(trimmed))
      return (await this.evidence.get(trimmed, actor).catch(() => undefined))?.id ?? unknown();
    if (/^https?:\/\//i.test(trimmed)) {
      const page = await this.evidence.list({ url: trimmed, limit: 1 }, actor);
      return page.items[0]?.id ?? unknown();
    }
    return unknown();
  }
}

/** The links that make evidence support one claim, as evidence creation and linking take them. */
export function evidenceTargets(
  kind: ClaimKind,
  claimId: string,
): { commitmentIds: string[] } | { findingIds: string[] } {
  return kind === 'commitment' ? { commitmentIds: [claimId] } : { findingIds: [claimId] };
}

function unknown(): never {
  const reason = 'No evidence with that id or URL; log it first';
  throw new DomainError(DomainErrorCode.InvalidInput, reason, [{ field: 'evidence', reasons: [reason] }]);
}
