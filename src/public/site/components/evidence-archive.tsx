import type { ScorecardEvidence } from '../../../scorecards/dto/scorecard.view';

const LINK_HEALTH_WORDS = {
  alive: 'link alive',
  changed: 'page changed since capture',
  unreachable: 'link unreachable at the last check',
  dead: 'link dead',
} as const;

/**
 * Where the archived copy of a source stands, said plainly: archived (when, with the original's hash and the
 * links to check it), capture pending, or capture failed and why; then what the latest link check found.
 */
export function EvidenceArchiveNote({ item }: { item: ScorecardEvidence }) {
  const { archive, capture } = item;
  switch (archive.state) {
    case 'archived':
      return (
        <>
          {capture && (
            <>
              {' '}
              · <a href={capture.href}>archived copy</a>{' '}
              <span class="muted">
                (captured {capture.originalCapturedAt.slice(0, 10)}
                {capture.versions > 1 ? `, ${capture.versions} versions` : ''})
              </span>
            </>
          )}
          {archive.originalHref && (
            <>
              {' '}
              · <a href={archive.originalHref}>original bytes</a>
            </>
          )}
          {archive.waczHref && (
            <>
              {' '}
              · <a href={archive.waczHref}>WACZ</a>
            </>
          )}
          {archive.originalSha256 && (
            <span class="muted small">
              {' '}
              · SHA-256 <code class="hash">{archive.originalSha256}</code>
            </span>
          )}
          <LinkHealthNote archive={archive} />
        </>
      );
    case 'pending':
      return <span class="muted"> · capture pending</span>;
    case 'failed':
      return (
        <span class="archive-failed">
          {' '}
          · capture failed: {archive.failure ?? 'unknown reason'}
          <LinkHealthNote archive={archive} />
        </span>
      );
    case 'none':
      return item.url ? <span class="muted"> · not archived</span> : null;
  }
}

function LinkHealthNote({ archive }: { archive: ScorecardEvidence['archive'] }) {
  if (!archive.link) return null;
  return (
    <span class={`muted link-${archive.link}`}>
      {' '}
      · {LINK_HEALTH_WORDS[archive.link]}
      {archive.linkCheckedAt && ` (checked ${archive.linkCheckedAt.slice(0, 10)})`}
    </span>
  );
}
