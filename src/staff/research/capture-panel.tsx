import type { CaptureListView, CaptureView } from '../../evidence/captures/dto/capture.view';
import type { EvidenceView } from '../../evidence/sources/dto/evidence.view';
import { formatTime } from '../common/labels';

/** What the archive holds for one piece of evidence: its captures and the text of the original. */
export interface CaptureSummary {
  captures: CaptureListView | null;
  /** The start of the original capture's text, when there is one. */
  text: string | null;
}

export function CapturePanel({
  evidence,
  summary,
  compact = false,
}: {
  evidence: EvidenceView;
  summary: CaptureSummary;
  compact?: boolean;
}) {
  if (!evidence.url) return <p class="muted">An uploaded document: nothing to capture.</p>;
  const items = summary.captures?.items ?? [];
  const original = items.find((capture) => capture.state === 'done' && capture.version === 1);
  const latest = items[items.length - 1] as CaptureView | undefined;
  const health = summary.captures?.linkHealth;
  const base = `/api/evidence/${evidence.id}/capture`;
  return (
    <div class="capture">
      <p>
        Archived copy: <CaptureState capture={original ?? latest} />
        {health &&
          (health.lastCheckedAt ? (
            <>
              {' · '}link <span class={`link-${health.state}`}>{health.state}</span>{' '}
              <span class="muted small">(checked {formatTime(health.lastCheckedAt)})</span>
            </>
          ) : (
            <span class="muted"> · link not checked yet</span>
          ))}
      </p>
      {original ? (
        <>
          <p class="muted small">
            Captured {formatTime(original.capturedAt)} from{' '}
            <span class="url">{original.finalUrl ?? original.requestedUrl}</span> (HTTP {original.httpStatus})
          </p>
          <p class="actions small">
            <a href={base}>Archived page</a>
            <a href={`${base}/text`}>Text</a>
            {original.bodySha256 && <a href={`${base}/original`}>Original bytes</a>}
            {original.bodySha256 && <a href={`${base}.wacz`}>WACZ</a>}
            <a href={`/api/evidence/${evidence.id}/captures`}>All captures (JSON)</a>
          </p>
          <CaptureHashes capture={original} />
          {original.screenshotSha256 ? (
            <a href={`${base}/screenshot`} class="screenshot-link">
              <img
                src={`${base}/screenshot`}
                alt={`Screenshot of ${evidence.title ?? evidence.url} as captured ${formatTime(original.capturedAt)}`}
                loading="lazy"
                class={compact ? 'thumb' : 'capture-shot'}
              />
            </a>
          ) : (
            <p class="muted">No screenshot in this capture.</p>
          )}
          {summary.text && !compact && (
            <details open>
              <summary>Captured text</summary>
              <pre class="capture-text">{summary.text}</pre>
            </details>
          )}
        </>
      ) : latest?.state === 'failed' ? (
        <p class="notice error">
          The capture failed: {latest.failureReason ?? 'unknown reason'}
          {latest.error && <span class="muted small"> ({latest.error})</span>}
        </p>
      ) : (
        <p class="muted">The archive is taking its copy; reload this page in a moment.</p>
      )}
    </div>
  );
}

function CaptureState({ capture }: { capture: CaptureView | undefined }) {
  if (!capture) return <span class="status status-draft">not started</span>;
  const css = capture.state === 'done' ? 'verified' : capture.state === 'failed' ? 'rejected' : 'submitted';
  return <span class={`status status-${css}`}>{capture.state}</span>;
}

/** The hashes a reader can check the archive against (docs/archiving.md, "How a journalist checks a capture"). */
function CaptureHashes({ capture }: { capture: CaptureView }) {
  return (
    <dl class="muted small capture-hashes">
      <dt>SHA-256 of the original bytes</dt>
      <dd>
        {capture.bodySha256 ? (
          <code class="hash">{capture.bodySha256}</code>
        ) : (
          'not kept (captured before originals were kept, or unreadable)'
        )}
      </dd>
      {capture.htmlSha256 && (
        <>
          <dt>SHA-256 of the rendered page</dt>
          <dd>
            <code class="hash">{capture.htmlSha256}</code>
          </dd>
        </>
      )}
    </dl>
  );
}
