import type { BrandFacets, BrandListItem } from '../../../catalogue/brands/dto/brand.view';
import { COMMITMENT_TYPE_LABELS } from '../../../scorecards/methodology';
import { Layout } from '../../../ui/layout';
import type { PageContext } from '../../../ui/page-context';
import { type BrandFilterForm, filterQuery } from '../brand-filters';
import { BrandFiltersForm } from '../components/brand-filters-form';
import { sectorName } from '../components/sector-bars';

export interface BrandsPageData {
  form: BrandFilterForm;
  problems: string[];
  items: BrandListItem[];
  nextCursor: string | null;
  isFirstPage: boolean;
  facets: BrandFacets;
  /** Sectors and countries to choose from (all verified brands, not narrowed by the filters). */
  choices: { sectors: string[]; countries: string[] };
}

/** The campaigner list: filters in the URL (a GET form), counts, pages by cursor, exports with the same filters. */
export function BrandsPage({ ctx, data }: { ctx: PageContext; data: BrandsPageData }) {
  const { form, facets } = data;
  const exportQuery = filterQuery(form);
  const heading = headingFor(form);
  return (
    <Layout
      title={heading}
      description={`${facets.total} brands: ${facets.commitment.any} committed, ${facets.commitment.none} not committed.`}
      viewer={ctx.viewer}
      csrfToken={ctx.csrfToken}
    >
      <h1>{heading}</h1>
      <BrandFiltersForm form={form} choices={data.choices} />
      {data.problems.length > 0 && (
        <div class="notice error" role="alert">
          <p>Some filters were ignored:</p>
          <ul>
            {data.problems.map((problem) => (
              <li>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="quick-filters">
        <a class="button secondary" href={`/brands${filterQuery(form, { commitment: 'none', cursor: '' })}`}>
          Not committed
        </a>{' '}
        <a class="button secondary" href={`/brands${filterQuery(form, { commitment: 'any', cursor: '' })}`}>
          Committed
        </a>{' '}
        <a class="button secondary" href={`/brands${filterQuery(form, { exposed: 'true', cursor: '' })}`}>
          Exposed
        </a>
      </p>
      <p role="status" id="result-count">
        <strong>{facets.total}</strong> {facets.total === 1 ? 'brand matches' : 'brands match'}:{' '}
        {facets.commitment.any} committed, {facets.commitment.none} not committed.
      </p>
      <p class="actions">
        Download this list: <a href={`/api/export/brands.csv${exportQuery}`}>CSV</a>
        <a href={`/api/export/brands.json${exportQuery}`}>JSON</a>
        <span class="muted">(every page, same filters)</span>
      </p>
      {data.items.length === 0 ? (
        <p>No brand matches these filters.</p>
      ) : (
        <div class="table-wrap">
          <table class="brand-list">
            <caption class="visually-hidden">{heading}</caption>
            <thead>
              <tr>
                <th scope="col">Brand</th>
                <th scope="col">Group</th>
                <th scope="col">Sectors</th>
                <th scope="col">Country</th>
                <th scope="col">Position in force</th>
                <th scope="col">Exposure</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((brand) => (
                <BrandRow brand={brand} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label="Pages">
        {!data.isFirstPage && <a href={`/brands${filterQuery(form)}`}>First page</a>}
        {data.nextCursor && (
          <a rel="next" href={`/brands${filterQuery(form, { cursor: data.nextCursor })}`}>
            Next page
          </a>
        )}
      </nav>
    </Layout>
  );
}

function BrandRow({ brand }: { brand: BrandListItem }) {
  const committing = brand.commitmentTypes.filter((type) => type in COMMITMENT_TYPE_LABELS);
  return (
    <tr>
      <th scope="row">
        <a href={`/brands/${brand.slug}`}>{brand.name}</a>
      </th>
      <td>{brand.company?.name ?? <span class="muted">Unknown</span>}</td>
      <td>{brand.sectors.map(sectorName).join(', ')}</td>
      <td>{brand.hqCountry ?? ''}</td>
      <td>
        {committing.length ? (
          committing.map((type) => (
            <span class="tag">{COMMITMENT_TYPE_LABELS[type as keyof typeof COMMITMENT_TYPE_LABELS]}</span>
          ))
        ) : (
          <span class="muted">None</span>
        )}
      </td>
      <td>{brand.exposed ? 'Linked to the region' : <span class="muted">No finding</span>}</td>
    </tr>
  );
}

function headingFor(form: BrandFilterForm): string {
  const parts = [form.sector ? `${sectorName(form.sector)} brands` : 'Brands'];
  if (form.commitment === 'none') parts.push('that have not committed');
  else if (form.commitment === 'any') parts.push('that have committed');
  if (form.country) parts.push(`headquartered in ${form.country}`);
  if (form.q) parts.push(`matching “${form.q}”`);
  return parts.join(' ');
}
