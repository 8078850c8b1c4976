import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';

/** A brand that does not exist or that the reader may not see: the same 404 either way, so drafts stay hidden. */
export function brandNotFound(ref: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `No brand "${ref}"`);
}
