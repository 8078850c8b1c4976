import { formatTime } from '../common/labels';
import type { HistoryEntry } from './history.service';

/** The history section every entity page ends with: who, when, what changed (before → after). */
export function History({
  entries,
  entityType,
  entityId,
}: {
  entries: HistoryEntry[];
  entityType: string;
  entityId: string;
}) {
  return (
    <section aria-labelledby="history-title" class="history">
      <h2 id="history-title">History</h2>
      {entries.length === 0 ? (
        <p class="muted">No recorded changes.</p>
      ) : (
        <ol class="history-list">
          {entries.map((entry) => (
            <li>
              <p>
                <time dateTime={entry.occurredAt}>{formatTime(entry.occurredAt)}</time>{' '}
                <strong>{entry.actor}</strong> <code>{entry.action}</code>
              </p>
              {entry.changes.length > 0 && (
                <div class="table-wrap">
                  <table class="changes">
                    <caption class="visually-hidden">Fields changed by {entry.action}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Field</th>
                        <th scope="col">Before</th>
                        <th scope="col">After</th>
                      </tr>
                    </thead>
                    <tbody>
                      {entry.changes.map((change) => (
                        <tr>
                          <th scope="row">{change.field}</th>
                          <td>{change.before}</td>
                          <td>{change.after}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <p class="muted">
        The whole log is signed into a hash chain:{' '}
        <a
          href={`/api/audit?entityType=${encodeURIComponent(entityType)}&entityId=${encodeURIComponent(entityId)}`}
        >
          this record's entries as JSON
        </a>
        .
      </p>
    </section>
  );
}
