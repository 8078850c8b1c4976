import type { ScorecardEvidence, ScorecardRecord } from '../../../scorecards/dto/scorecard.view';
import { EvidenceArchiveNote } from './evidence-archive';

/** A verified record with its sources, each with where its archived copy stands. */
export function RecordItem({ record }: { record: ScorecardRecord }) {
  return (
    <li>
      <span class="record-label">{record.label}</span>
      {record.level === 'group' && <span class="tag">made by its group</span>}{' '}
      <span class="muted">
        <time dateTime={record.effectiveOn}>{record.dated}</time>
      </span>
      <p class="record-text">{record.text}</p>
      <EvidenceList evidence={record.evidence} />
    </li>
  );
}

export function EvidenceList({ evidence }: { evidence: ScorecardEvidence[] }) {
  if (!evidence.length) return null;
  return (
    <ul class="evidence">
      {evidence.map((item) => (
        <li>
          <SourceLink item={item} />
          {item.publisher && <span class="muted"> · {item.publisher}</span>}
          <EvidenceArchiveNote item={item} />
        </li>
      ))}
    </ul>
  );
}

/** Only http(s) URLs become links; anything else is shown as text (the catalogue checks, we check again). */
function SourceLink({ item }: { item: ScorecardEvidence }) {
  const text = item.title ?? item.url ?? 'Uploaded document';
  if (item.url && /^https?:\/\//i.test(item.url)) {
    return (
      <a href={item.url} rel="nofollow noopener noreferrer">
        {text}
      </a>
    );
  }
  return <span>{text}</span>;
}
