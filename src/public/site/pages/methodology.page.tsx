import {
  COMMITMENT_TYPE_LABELS,
  DISCLOSURE_KIND_LABELS,
  FINDING_RESPONSE_LABELS,
  INDICATOR_LABELS,
  type Methodology,
} from '../../../scorecards/methodology';
import { Layout } from '../../../ui/layout';
import type { PageContext } from '../../../ui/page-context';

/**
 * The methodology, with every number read from the same versioned file the scoring engine uses, so what
 * we publish and what we compute cannot drift apart.
 */
export function MethodologyPage({ ctx, methodology: m }: { ctx: PageContext; methodology: Methodology }) {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  return (
    <Layout
      title="Methodology"
      description={`How Pledgewatch grades brands, version ${m.version}.`}
      viewer={ctx.viewer}
      csrfToken={ctx.csrfToken}
    >
      <h1>How we grade brands</h1>
      <p class="lead">
        Methodology version {m.version}, published {m.publishedOn}. Every scorecard names the version that
        produced it.
      </p>
      <p>
        A brand scores 0 to 100 points from <strong>verified</strong> records only: commitments, exposure
        findings and supply-chain disclosures of the brand or its group, each checked by a second person and
        tied to archived evidence. Records count from the last day they could have been made (a statement
        dated "March 2022" counts from 31 March 2022), so any past scorecard can be replayed exactly. A brand
        with no verified records is "not assessed", never graded F by default.
      </p>
      <h2>Indicators</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Points</th>
              <th scope="col">How</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{INDICATOR_LABELS.commitment}</th>
              <td>{m.commitment.max}</td>
              <td>
                The strongest commitment in force, the brand's own or its group's:
                <ul>
                  {Object.entries(m.commitment.pointsByType).map(([type, points]) => (
                    <li>
                      {COMMITMENT_TYPE_LABELS[type as keyof typeof COMMITMENT_TYPE_LABELS]}: {points}
                    </li>
                  ))}
                </ul>
                A commitment stops counting when superseded or retracted.
              </td>
            </tr>
            <tr>
              <th scope="row">{INDICATOR_LABELS.disclosure}</th>
              <td>{m.disclosure.max}</td>
              <td>
                Per kind of disclosure that stands (once per kind):
                <ul>
                  {Object.entries(m.disclosure.pointsByKind).map(([kind, points]) => (
                    <li>
                      {DISCLOSURE_KIND_LABELS[kind as keyof typeof DISCLOSURE_KIND_LABELS]}: {points}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
            <tr>
              <th scope="row">{INDICATOR_LABELS.exposureResponse}</th>
              <td>{m.exposureResponse.max}</td>
              <td>
                The average, over the brand's and its group's findings, of:
                <ul>
                  {Object.entries(m.exposureResponse.shareByResponse).map(([response, share]) => (
                    <li>
                      {FINDING_RESPONSE_LABELS[response as keyof typeof FINDING_RESPONSE_LABELS]}:{' '}
                      {percent(share)}
                    </li>
                  ))}
                </ul>
                No findings: full points.
              </td>
            </tr>
            <tr>
              <th scope="row">{INDICATOR_LABELS.consistency}</th>
              <td>{m.consistency.max}</td>
              <td>
                Minus {m.consistency.penaltyByKind.retraction} for a verified retraction or contradiction,
                minus {m.consistency.penaltyByKind.denial} for a denial, within the last{' '}
                {m.consistency.windowMonths} months (never below zero).
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2>The cap</h2>
      <p>
        A brand whose company or group operates its own facility in the region scores at most{' '}
        {m.ownFacilityCap} points (grade F) for as long as that holds, whatever else it says.
      </p>
      <h2>Grades</h2>
      <ul class="grade-bands">
        {m.grades.map((band, index) => (
          <li>
            <span class={`grade grade-${band.grade}`}>{band.grade}</span>{' '}
            {index === 0
              ? `${band.min} points or more`
              : `${band.min} to ${m.grades[index - 1].min - 1} points`}
          </li>
        ))}
      </ul>
      <h2>Where the ideas come from</h2>
      <p>
        The shape follows published benchmarks: the KnowTheChain benchmark (themes scored 0-100), the Fashion
        Transparency Index (disclosure by supply-chain tier) and the Corporate Human Rights Benchmark. Ours is
        narrower: one risk, the Uyghur Region, and what brands say and do about it.
      </p>
      <p>
        The weights live in one versioned file; a change is a new version, and older scorecards keep naming
        the version that made them. Machine-readable: <a href="/api/docs">the API</a>.
      </p>
    </Layout>
  );
}
