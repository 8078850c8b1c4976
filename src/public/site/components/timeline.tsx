import type { ScorecardRecord } from '../../../scorecards/dto/scorecard.view';
import { EvidenceList } from './record-evidence';

/**
 * Commitments, retractions, findings, their ends and disclosures in one list, newest first. Each date is
 * shown at its source's precision; a retraction names what it withdraws and a closure the finding it ends.
 */
export function Timeline({ records, asOf }: { records: ScorecardRecord[]; asOf: string }) {
  if (!records.length) return <p class="muted">No verified records yet.</p>;
  return (
    <ol class="timeline" reversed>
      {records.map((record) => (
        // The feed links each entry here (public/feed/feed.service.ts).
        <li class={timelineClass(record)} id={`${record.record}-${record.id}`}>
          <time dateTime={record.effectiveOn}>{record.dated}</time> <strong>{record.label}</strong>
          {record.level === 'group' && <span class="tag">group</span>}
          {record.endedOn && record.endedOn <= asOf && <span class="tag">ended {record.endedOn}</span>}
          <p class="record-text">{record.text}</p>
          {record.pairedWith && (
            <p class="paired">
              {record.pairedWith.relation === 'retracts' ? 'Withdraws: ' : 'Ends: '}
              {record.pairedWith.summary}
            </p>
          )}
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
