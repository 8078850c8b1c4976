import type { ScorecardRecord } from '../../../scorecards/dto/scorecard.view';
import { EvidenceList } from './record-evidence';

/** Commitments, retractions, findings and disclosures in one list, newest first. */
export function Timeline({ records }: { records: ScorecardRecord[] }) {
  if (!records.length) return <p class="muted">No verified records yet.</p>;
  return (
    <ol class="timeline" reversed>
      {records.map((record) => (
        // The feed links each entry here (public/feed/feed.service.ts).
        <li class={timelineClass(record)} id={`${record.record}-${record.id}`}>
          <time dateTime={record.effectiveOn}>{record.effectiveOn}</time> <strong>{record.label}</strong>
          {record.level === 'group' && <span class="tag">group</span>}
          <p class="record-text">{record.text}</p>
          <EvidenceList evidence={record.evidence} />
        </li>
      ))}
    </ol>
  );
}

function timelineClass(record: ScorecardRecord): string {
  if (record.type === 'retraction' || record.type === 'denial') return 'retraction';
  return record.record;
}
