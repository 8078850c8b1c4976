import type { EvidenceView } from '../../evidence/sources/dto/evidence.view';
import { TextField, type FormState } from '../common/fields';
import { EVIDENCE_KIND_LABELS } from '../common/labels';
import { CsrfField, type WebContext } from '../common/page';
import { StatusBadge } from '../common/status-badge';
import { CapturePanel, type CaptureSummary } from './capture-panel';

export type ClaimKind = 'commitment' | 'finding';

/**
 * The evidence behind a commitment or finding, each beside its archived capture, with the two ways to add
 * more: attach evidence already logged, or log a new source for this claim.
 */
export function ClaimEvidence({
  ctx,
  kind,
  claimId,
  evidence,
  captures,
  attachForm,
}: {
  ctx: WebContext;
  kind: ClaimKind;
  claimId: string;
  evidence: EvidenceView[];
  captures: Map<string, CaptureSummary>;
  attachForm: FormState;
}) {
  const canWrite = ctx.viewer?.role !== 'reviewer';
  return (
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence</h2>
      {evidence.length === 0 ? (
        <p class="notice">
          No evidence yet. A reviewer cannot verify this {kind} until a source is attached.
        </p>
      ) : (
        <ul class="evidence-list">
          {evidence.map((item) => (
            <li class="evidence-item">
              <div>
                <p>
                  <a href={`/research/evidence/${item.id}`}>{item.title ?? item.url ?? item.documentRef}</a>{' '}
                  <StatusBadge status={item.status} />
                </p>
                <p class="muted small">
                  {EVIDENCE_KIND_LABELS[item.kind]}
                  {item.publisher ? ` · ${item.publisher}` : ''}
                  {item.publishedOn ? ` · published ${item.publishedOn}` : ''}
                </p>
                {item.url && (
                  <p class="small url">
                    <a href={item.url} rel="noreferrer noopener">
                      {item.url}
                    </a>
                  </p>
                )}
              </div>
              <CapturePanel
                evidence={item}
                summary={captures.get(item.id) ?? { captures: null, text: null }}
                compact
              />
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <div class="two-up">
          <form method="post" action={`/research/${kind}s/${claimId}/evidence`} class="stacked" novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              form={attachForm}
              name="evidence"
              label="Attach evidence already logged"
              hint="Its id, or its exact URL"
            />
            <div class="actions">
              <button type="submit">Attach</button>
            </div>
          </form>
          <p>
            <a class="button secondary" href={`/research/evidence/new?${kind}=${claimId}`}>
              Log a new source for this {kind}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}
