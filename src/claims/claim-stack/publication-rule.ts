import type { Evidence } from '../../evidence/sources/evidence.entity';
import { ReviewStatus } from '../../kernel/review/review-status';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';

/**
 * The publication rule (DESIGN.md, docs/data-model.md): a claim is verified only while at least one source
 * it cites is verified, so the public never sees a point without its source. Returns the refusal, naming
 * each source and where it stands, or undefined when the claim may be verified.
 */
export function publicationRefusal(noun: string, sources: Evidence[]): DomainError | undefined {
  if (sources.some((source) => source.status === ReviewStatus.Verified)) return undefined;
  if (!sources.length) {
    return new DomainError(DomainErrorCode.InvalidState, `Link evidence to this ${noun} before verifying it`);
  }
  const reasons = sources.map((source) => `evidence ${source.id} (${describe(source)}) is ${source.status}`);
  return new DomainError(
    DomainErrorCode.InvalidState,
    `None of the sources of this ${noun} is verified: verify one first, or verify them with it ` +
      `(withSources: true) after reading their captures. ${reasons.join('; ')}`,
    [{ field: 'evidence', reasons }],
  );
}

function describe(source: Evidence): string {
  return source.title ?? source.url ?? source.documentRef ?? 'untitled';
}
