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
            <tr id="commitment">
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
            <tr id="disclosure">
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
            <tr id="response-average">
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
                <span id="response-no-findings">
                  No finding that holds on the day: full points. A finding that ended (a facility sold or
                  closed, a supplier relationship ended, a claim withdrawn, each shown by its own verified
                  evidence) stays on the timeline but no longer counts from the day it ended.
                </span>
              </td>
            </tr>
            <tr id="consistency">
              <th scope="row">{INDICATOR_LABELS.consistency}</th>
              <td>{m.consistency.max}</td>
              <td>
                Minus {m.consistency.penaltyByKind.retraction} for a verified retraction or contradiction,
                minus {m.consistency.penaltyByKind.denial} for a denial, within the last{' '}
                {m.consistency.windowMonths} months (never below zero). An older one is shown on the timeline
                and costs nothing; the scorecard says so beside the points.
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2 id="own-facility-cap">The cap</h2>
      <p>
        A brand whose company or group operates its own facility in the region scores at most{' '}
        {m.ownFacilityCap} points (grade F) for as long as that holds, whatever else it says. The cap lifts
        from the day a verified closure says the facility was sold or closed.
      </p>
      <h2 id="imprecise-dates">Dates we only know roughly</h2>
      <p>
        Sources often date a statement to a month ("June 2020") or a year ("2013"), or only let us say it was
        on a page by the day we saw it ("known by"). We show each date at the precision the source gives, and
        count the record from the last day it could have been made: the end of the month, the end of the year,
        or the day we saw it. A scorecard as of an earlier day never counts a statement that might not have
        been made yet.
      </p>
      <h2 id="publication">What reaches this site</h2>
      <p>
        A record is public only when a second person has verified it and at least one source it cites is
        verified too, with its archived copy. No point on a scorecard stands without its source.
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
