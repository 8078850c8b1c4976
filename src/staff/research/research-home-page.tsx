import type { BrandListItem } from '../../catalogue/brands/dto/brand.view';
import { REVIEW_STATUSES } from '../../kernel/review/review-status';
import { SelectField, TextField } from '../common/fields';
import { Page, type WebContext } from '../common/page';
import { StatusBadge } from '../common/status-badge';

export interface ResearchHomeProps {
  ctx: WebContext;
  q: string;
  status: string;
  brands: BrandListItem[];
  nextCursor: string | null;
}

export function ResearchHomePage({ ctx, q, status, brands, nextCursor }: ResearchHomeProps) {
  const canWrite = ctx.viewer?.role !== 'reviewer';
  const filters = { values: { q, status }, errors: {} };
  const next = new URLSearchParams({ q, status, cursor: nextCursor ?? '' });
  return (
    <Page ctx={ctx} title="Research">
      <h1>Research</h1>
      {canWrite && (
        <ul class="quick-actions">
          <li>
            <a class="button" href="/research/brands/new">
              Add a brand
            </a>
          </li>
          <li>
            <a class="button secondary" href="/research/companies/new">
              Add a company group
            </a>
          </li>
          <li>
            <a class="button secondary" href="/research/evidence/new">
              Log evidence
            </a>
          </li>
          <li>
            <a class="button secondary" href="/research/import">
              Import a CSV
            </a>
          </li>
          <li>
            <a class="button secondary" href="/research/screening">
              Screening candidates
            </a>
          </li>
        </ul>
      )}
      <h2>Brands</h2>
      <form method="get" action="/research" class="filters" role="search">
        <TextField form={filters} name="q" label="Name or other name" type="search" />
        <SelectField
          form={filters}
          name="status"
          label="Review status"
          blank="Any"
          options={REVIEW_STATUSES.map((value) => ({ value, label: value }))}
        />
        <button type="submit">Search</button>
      </form>
      {brands.length === 0 ? (
        <p class="muted">No brands match.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Brand</th>
                <th scope="col">Group</th>
                <th scope="col">Sectors</th>
                <th scope="col">HQ</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {brands.map((brand) => (
                <tr>
                  <td>
                    <a href={`/research/brands/${brand.slug}`}>{brand.name}</a>
                  </td>
                  <td>
                    {brand.company ? (
                      <a href={`/research/companies/${brand.company.slug}`}>{brand.company.name}</a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{brand.sectors.join(', ')}</td>
                  <td>{brand.hqCountry ?? '—'}</td>
                  <td>
                    <StatusBadge status={brand.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <p>
          <a href={`/research?${next.toString()}`}>Next page</a>
        </p>
      )}
    </Page>
  );
}
