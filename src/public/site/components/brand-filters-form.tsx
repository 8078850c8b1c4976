import { COMMITMENT_TYPES } from '../../../kernel/as-of/commitment-type';
import { COMMITMENT_TYPE_LABELS } from '../../../scorecards/methodology';
import type { BrandFilterForm } from '../brand-filters';
import { sectorName } from './sector-bars';

/** The campaigner filters as a GET form: submitting puts every filter in the URL, so a list can be shared. */
export function BrandFiltersForm({
  form,
  choices,
}: {
  form: BrandFilterForm;
  choices: { sectors: string[]; countries: string[] };
}) {
  return (
    <form class="filters" method="get" action="/brands" aria-label="Filter brands">
      <div class="field">
        <label for="f-q">Name or alias</label>
        <input id="f-q" name="q" type="search" value={form.q} maxLength={200} />
      </div>
      <div class="field">
        <label for="f-sector">Sector</label>
        <select id="f-sector" name="sector">
          <option value="">All sectors</option>
          {withCurrent(choices.sectors, form.sector).map((sector) => (
            <option value={sector} selected={sector === form.sector}>
              {sectorName(sector)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-country">Headquarters</label>
        <select id="f-country" name="country">
          <option value="">All countries</option>
          {withCurrent(choices.countries, form.country).map((country) => (
            <option value={country} selected={country === form.country}>
              {country}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-commitment">Commitment</label>
        <select id="f-commitment" name="commitment">
          <option value="">Any status</option>
          <option value="none" selected={form.commitment === 'none'}>
            Not committed
          </option>
          <option value="any" selected={form.commitment === 'any'}>
            Committed (any kind)
          </option>
          {COMMITMENT_TYPES.map((type) => (
            <option value={type} selected={form.commitment === String(type)}>
              {COMMITMENT_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-exposed">Exposure</label>
        <select id="f-exposed" name="exposed">
          <option value="">Any</option>
          <option value="true" selected={form.exposed === 'true'}>
            Linked to the region
          </option>
          <option value="false" selected={form.exposed === 'false'}>
            No verified finding
          </option>
        </select>
      </div>
      <div class="field">
        <label for="f-listed">Suppliers</label>
        <select id="f-listed" name="listedSupplier">
          <option value="">Any</option>
          <option value="true" selected={form.listedSupplier === 'true'}>
            A supplier on the UFLPA Entity List
          </option>
          <option value="false" selected={form.listedSupplier === 'false'}>
            No listed supplier on record
          </option>
        </select>
      </div>
      <div class="field">
        <label for="f-asof">As of</label>
        <input id="f-asof" name="asOf" type="date" value={form.asOf} />
      </div>
      <div class="actions">
        <button type="submit">Apply filters</button>
        <a href="/brands">Clear</a>
      </div>
    </form>
  );
}

function withCurrent(values: string[], current: string): string[] {
  return current && !values.includes(current) ? [current, ...values] : values;
}
