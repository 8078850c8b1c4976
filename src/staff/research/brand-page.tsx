import type { Brand } from '../../catalogue/brands/brand.entity';
import type { CommitmentView } from '../../claims/commitments/dto/commitment.view';
import type { FindingView } from '../../claims/findings/dto/finding.view';
import { ReviewStatus } from '../../kernel/review/review-status';
import { COMMITMENT_TYPE_LABELS, FINDING_KIND_LABELS, FINDING_RESPONSE_LABELS } from '../common/labels';
import { Page, type WebContext } from '../common/page';
import { StatusBadge } from '../common/status-badge';
import { History } from '../history/history';
import type { HistoryEntry } from '../history/history.service';
import { ReviewPanel } from './review-panel';
import { PendingRevisionPanel } from '../review/revision-changes';
import type { RevisionItem } from '../review/revision-display';

export interface BrandPageProps {
  ctx: WebContext;
  brand: Brand;
  commitments: CommitmentView[];
  findings: FindingView[];
  history: HistoryEntry[];
  revision: RevisionItem | null;
}

export function BrandPage({ ctx, brand, commitments, findings, history, revision }: BrandPageProps) {
  const canWrite = ctx.viewer?.role !== 'reviewer';
  return (
    <Page ctx={ctx} title={brand.name}>
      <p class="breadcrumbs">
        <a href="/research">Research</a> › Brands
      </p>
      <h1>
        {brand.name} <StatusBadge status={brand.status} />
      </h1>
      <ReviewPanel ctx={ctx} facts={brand} submitAction={`/research/brands/${brand.slug}/submit`} />
      {revision && <PendingRevisionPanel item={revision} viewerEmail={ctx.viewer?.email} />}
      <div class="actions">
        {canWrite && (
          <a class="button secondary" href={`/research/brands/${brand.slug}/edit`}>
            Edit identity
          </a>
        )}
        {brand.status === ReviewStatus.Verified && <a href={`/brands/${brand.slug}`}>Public page</a>}
      </div>
      <dl class="facts">
        <dt>Slug</dt>
        <dd>
          <code>{brand.slug}</code>
        </dd>
        <dt>Other names</dt>
        <dd>{brand.aliases.length ? brand.aliases.join(', ') : '—'}</dd>
        <dt>Group</dt>
        <dd>
          {brand.company ? (
            <a href={`/research/companies/${brand.company.slug}`}>{brand.company.name}</a>
          ) : (
            'Unknown'
          )}
        </dd>
        <dt>Sectors</dt>
        <dd>{brand.sectors.join(', ') || '—'}</dd>
        <dt>Headquarters</dt>
        <dd>{brand.hqCountry ?? '—'}</dd>
        <dt>Website</dt>
        <dd>{brand.website ? <a href={brand.website}>{brand.website}</a> : '—'}</dd>
        <dt>Wikidata</dt>
        <dd>{brand.wikidataId ?? '—'}</dd>
        <dt>LEI</dt>
        <dd>{brand.lei ?? '—'}</dd>
        <dt>Open Supply Hub</dt>
        <dd>{brand.openSupplyHubId ?? '—'}</dd>
      </dl>

      <section aria-labelledby="commitments-title">
        <h2 id="commitments-title">Commitments</h2>
        {canWrite && (
          <p>
            <a class="button" href={`/research/brands/${brand.slug}/commitments/new`}>
              Add a commitment
            </a>
          </p>
        )}
        {commitments.length === 0 ? (
          <p class="muted">None recorded, for the brand or its group.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Stated</th>
                  <th scope="col">Type</th>
                  <th scope="col">Summary</th>
                  <th scope="col">Of</th>
                  <th scope="col">Status</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {commitments.map((commitment) => (
                  <tr>
                    <td>{commitment.statedOn}</td>
                    <td>
                      <a href={`/research/commitments/${commitment.id}`}>
                        {COMMITMENT_TYPE_LABELS[commitment.type]}
                      </a>
                      {commitment.inForce && <span class="tag">in force</span>}
                    </td>
                    <td>{commitment.summary}</td>
                    <td>{commitment.company ? `Group: ${commitment.company.name}` : 'Brand'}</td>
                    <td>
                      <StatusBadge status={commitment.status} />
                    </td>
                    <td>{commitment.evidence.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="findings-title">
        <h2 id="findings-title">Exposure findings</h2>
        {canWrite && (
          <p>
            <a class="button" href={`/research/brands/${brand.slug}/findings/new`}>
              Add a finding
            </a>
          </p>
        )}
        {findings.length === 0 ? (
          <p class="muted">None recorded.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Published</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Finding</th>
                  <th scope="col">Response</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {findings.map((finding) => (
                  <tr>
                    <td>{finding.publishedOn}</td>
                    <td>
                      <a href={`/research/findings/${finding.id}`}>{FINDING_KIND_LABELS[finding.kind]}</a>
                      {finding.reportName && <div class="muted">{finding.reportName}</div>}
                    </td>
                    <td>{finding.finding}</td>
                    <td>{FINDING_RESPONSE_LABELS[finding.response]}</td>
                    <td>
                      <StatusBadge status={finding.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <History entries={history} entityType="brand" entityId={brand.id} />
    </Page>
  );
}
