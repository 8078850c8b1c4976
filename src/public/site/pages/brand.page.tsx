import type { ScorecardView } from '../../../scorecards/dto/scorecard.view';
import type { ScorecardRecord } from '../../../scorecards/dto/scorecard.view';
import { Layout } from '../../../ui/layout';
import type { PageContext } from '../../../ui/page-context';
import { GradeTile } from '../components/grade';
import { RecordItem } from '../components/record-evidence';
import { sectorName } from '../components/sector-bars';
import { Timeline } from '../components/timeline';

export interface BrandPageData {
  card: ScorecardView;
  aliases: string[];
  sectors: string[];
  hqCountry: string | null;
  website: string | null;
  siblings: Array<{ slug: string; name: string }>;
  /** Every verified record known on the day, newest first. */
  timeline: ScorecardRecord[];
  isToday: boolean;
  today: string;
  /** The configured public origin (PUBLIC_URL), the base of the canonical, Open Graph and embed links. */
  publicUrl: string;
}

/** A brand's scorecard: the grade, each indicator with its records and evidence, the timeline, the group. */
export function BrandPage({ ctx, data }: { ctx: PageContext; data: BrandPageData }) {
  const { card } = data;
  const gradeText = card.assessed ? `grade ${card.grade} (${card.total}/100)` : 'not assessed yet';
  const pageUrl = `${data.publicUrl}/brands/${encodeURIComponent(card.brand.slug)}`;
  const badgeUrl = `${data.publicUrl}/badge/${encodeURIComponent(card.brand.slug)}.svg`;
  const description = `${card.brand.name} is ${gradeText} on Pledgewatch's scorecard of commitments on Uyghur forced labour, as of ${card.asOf}.`;
  return (
    <Layout
      title={`${card.brand.name}: ${card.assessed ? `grade ${card.grade}` : 'not assessed'}`}
      description={description}
      viewer={ctx.viewer}
      csrfToken={ctx.csrfToken}
      canonicalUrl={data.isToday ? pageUrl : `${pageUrl}?asOf=${card.asOf}`}
      openGraph={{
        title: `${card.brand.name}: ${gradeText}`,
        description,
        url: data.isToday ? pageUrl : `${pageUrl}?asOf=${card.asOf}`,
        image: badgeUrl,
      }}
    >
      <p class="breadcrumbs">
        <a href="/brands">Brands</a>
        {card.group && (
          <>
            {' '}
            › <span>{card.group.name}</span>
          </>
        )}
      </p>
      <div class="card-head">
        <GradeTile grade={card.grade} large />
        <div>
          <h1>{card.brand.name}</h1>
          <p class="lead">
            {card.assessed ? (
              <>
                <strong>{card.total}</strong> of 100 points, grade <strong>{card.grade}</strong>
              </>
            ) : (
              'Not assessed: we hold no verified data about this brand yet.'
            )}
          </p>
          <p class="muted">
            As of <time dateTime={card.asOf}>{card.asOf}</time>, methodology version{' '}
            <a href="/methodology">{card.methodologyVersion}</a>.
            {data.aliases.length > 0 && <> Also known as {data.aliases.join(', ')}.</>}
          </p>
        </div>
      </div>
      <AsOfForm slug={card.brand.slug} asOf={card.asOf} isToday={data.isToday} today={data.today} />
      {card.cap && (
        <p class="notice error" role="note">
          <strong>Capped at F.</strong> {card.cap.explanation} (would otherwise score {card.cap.appliedTo}).{' '}
          <a href={card.cap.ruleUrl}>The rule</a>
        </p>
      )}
      {card.assessed && (
        <section aria-labelledby="points">
          <h2 id="points">Points by indicator</h2>
          {card.indicators.map((indicator) => (
            <section class="indicator" aria-label={indicator.title}>
              <h3>
                {indicator.title}{' '}
                <span class="points">
                  {indicator.points} / {indicator.max}
                </span>
              </h3>
              <svg class="meter" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                <rect
                  class="fill"
                  width={indicator.max ? (indicator.points / indicator.max) * 100 : 0}
                  height="6"
                />
              </svg>
              <p>
                {indicator.explanation}. <a href={indicator.ruleUrl}>The rule</a>
              </p>
              {indicator.records.length > 0 && (
                <ul class="records">
                  {indicator.records.map((record) => (
                    <RecordItem record={record} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </section>
      )}
      <h2>Timeline</h2>
      <Timeline records={data.timeline} asOf={card.asOf} />
      <h2>About the brand</h2>
      <dl class="facts">
        <dt>Group</dt>
        <dd>{card.group?.name ?? 'Unknown'}</dd>
        <dt>Sectors</dt>
        <dd>{data.sectors.map(sectorName).join(', ') || '—'}</dd>
        <dt>Headquarters</dt>
        <dd>{data.hqCountry ?? '—'}</dd>
        {data.website && /^https?:\/\//i.test(data.website) && (
          <>
            <dt>Website</dt>
            <dd>
              <a href={data.website} rel="nofollow noopener noreferrer">
                {data.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      {card.group && data.siblings.length > 0 && (
        <>
          <h3>Other brands of {card.group.name}</h3>
          <ul class="siblings">
            {data.siblings.map((sibling) => (
              <li>
                <a href={`/brands/${sibling.slug}`}>{sibling.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Share and reuse</h2>
      <p>
        <img src={`/badge/${card.brand.slug}.svg`} alt={`Pledgewatch grade badge for ${card.brand.name}`} />
      </p>
      <label for="embed">Badge for your page</label>
      <textarea id="embed" class="embed" readOnly rows={2}>
        {`<a href="${pageUrl}"><img src="${badgeUrl}" alt="Pledgewatch grade"></a>`}
      </textarea>
      <p>
        Data:{' '}
        <a href={`/api/brands/${card.brand.slug}/scorecard?asOf=${card.asOf}`}>this scorecard as JSON</a>.
      </p>
    </Layout>
  );
}

function AsOfForm({
  slug,
  asOf,
  isToday,
  today,
}: {
  slug: string;
  asOf: string;
  isToday: boolean;
  today: string;
}) {
  return (
    <form class="as-of" method="get" action={`/brands/${slug}`}>
      <label for="as-of">See the card as it stood on</label>
      <input id="as-of" name="asOf" type="date" value={asOf} max={today} />
      <button type="submit">Show</button>
      {!isToday && <a href={`/brands/${slug}`}>Back to today</a>}
    </form>
  );
}
