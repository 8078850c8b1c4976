import { SelectField } from '../common/fields';
import { Page, type WebContext } from '../common/page';
import { FlagArticle, type FailedResolution } from './flag-card';
import type { FlagCard } from './flag-queue.service';
import { KeyboardHelp, ReviewTabs } from './review-queue-page';

export interface FlagFilters {
  status: string;
  significance: string;
}

export function FlagsPage({
  ctx,
  cards,
  filters,
  nextCursor,
}: {
  ctx: WebContext;
  cards: FlagCard[];
  filters: FlagFilters;
  nextCursor: string | null;
}) {
  const form = { values: { ...filters }, errors: {} };
  const next = new URLSearchParams({ ...filters, cursor: nextCursor ?? '' });
  return (
    <Page ctx={ctx} title="Change flags" scripts={['/assets/triage.js']}>
      <h1>Change flags</h1>
      <ReviewTabs current="flags" />
      <form method="get" action="/review/flags" class="filters">
        <SelectField
          form={form}
          name="status"
          label="State"
          options={[
            { value: 'open', label: 'Open' },
            { value: 'confirmed', label: 'Confirmed' },
            { value: 'dismissed', label: 'Dismissed' },
          ]}
        />
        <SelectField
          form={form}
          name="significance"
          label="Significance"
          blank="Any"
          options={[
            { value: 'major', label: 'Major' },
            { value: 'minor', label: 'Minor' },
          ]}
        />
        <button type="submit">Show</button>
      </form>
      <KeyboardHelp />
      {cards.length === 0 ? (
        <p class="lead">
          No flags here. The monitor raises one when a watched page changes in a way that matters.
        </p>
      ) : (
        <div class="queue" data-triage>
          {cards.map((card) => (
            <FlagArticle ctx={ctx} card={card} />
          ))}
        </div>
      )}
      {nextCursor && (
        <p>
          <a href={`/review/flags?${next.toString()}`}>More flags</a>
        </p>
      )}
    </Page>
  );
}

export function FlagPage({
  ctx,
  card,
  failed,
}: {
  ctx: WebContext;
  card: FlagCard;
  failed?: FailedResolution;
}) {
  return (
    <Page ctx={ctx} title={`Flag: ${card.pageName}`} scripts={['/assets/triage.js']}>
      <p class="breadcrumbs">
        <a href="/review">Review</a> › <a href="/review/flags">Change flags</a>
      </p>
      <div data-triage>
        <FlagArticle ctx={ctx} card={card} failed={failed} headingLevel={1} />
      </div>
    </Page>
  );
}
