import { Layout } from '../../../ui/layout';
import type { PageContext } from '../../../ui/page-context';
import { SectorBars, type SectorCount } from '../components/sector-bars';

export interface HomeData {
  total: number;
  committed: number;
  sectors: SectorCount[];
  asOf: string;
}

/** The start page: search, and the state of things in one picture (with its numbers in words). */
export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const share = data.total ? Math.round((data.committed / data.total) * 100) : 0;
  const description = `${data.committed} of ${data.total} brands tracked have a verified commitment on Uyghur forced labour in force.`;
  return (
    <Layout
      title="Who has committed?"
      description={description}
      viewer={ctx.viewer}
      csrfToken={ctx.csrfToken}
      openGraph={{ title: 'Pledgewatch: who has committed?', description }}
    >
      <h1>Which brands have committed to keep Uyghur forced labour out of their supply chains?</h1>
      <p class="lead">
        Pledgewatch tracks what brands say about sourcing from the Uyghur Region (Xinjiang), and whether they
        stand by it. Every grade comes from verified records with archived evidence.
      </p>
      <form class="search" method="get" action="/brands" role="search">
        <label for="home-q">Search for a brand or group</label>
        <div class="search-row">
          <input
            id="home-q"
            name="q"
            type="search"
            maxLength={200}
            autoComplete="off"
            placeholder="e.g. Zara"
          />
          <button type="submit">Search</button>
        </div>
      </form>
      <h2>The state of things today</h2>
      <p>
        <strong>{data.committed}</strong> of <strong>{data.total}</strong> brands we track ({share}%) have a
        verified commitment in force as of <time dateTime={data.asOf}>{data.asOf}</time>.{' '}
        <a href="/brands?commitment=none">See the {data.total - data.committed} that have not committed</a>.
      </p>
      {data.sectors.length > 0 ? (
        <SectorBars sectors={data.sectors} />
      ) : (
        <p class="muted">No verified brands yet.</p>
      )}
      <p>
        How grades are worked out: <a href="/methodology">the methodology</a>. Follow verified changes with
        the <a href="/feed.atom">Atom feed</a>.
      </p>
    </Layout>
  );
}
