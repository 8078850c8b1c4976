/**
 * A side-by-side diff of two page texts for reviewers: sentences are matched first (longest common
 * subsequence), then a changed sentence is compared word by word with the sentence it replaced, so an
 * edit such as "do not source" -> "aim to reduce sourcing" shows exactly which words went and came.
 * Pure functions, computed on the server: the page needs no script to show it.
 */
export type SegmentKind = 'same' | 'del' | 'ins';

export interface Segment {
  kind: SegmentKind;
  text: string;
}

export type DiffRow =
  | { kind: 'same'; text: string }
  | { kind: 'change'; before: Segment[]; after: Segment[] }
  | { kind: 'gap'; skipped: number };

/** Beyond this many cells the LCS table costs too much; the differing middle is then shown whole. */
const MAX_LCS_CELLS = 4_000_000;

/** Unchanged sentences kept around each change so the reader sees where it sits. */
const CONTEXT = 1;

export function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+|(?<=[。！？])\s*/u)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length > 0);
}

export function diffTexts(before: string, after: string): DiffRow[] {
  const ops = diffSequences(splitSentences(before), splitSentences(after));
  const rows: DiffRow[] = [];
  for (let index = 0; index < ops.length;) {
    const op = ops[index];
    if (op.kind === 'same') {
      rows.push({ kind: 'same', text: op.value });
      index += 1;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (index < ops.length && ops[index].kind !== 'same') {
      const changed = ops[index];
      (changed.kind === 'del' ? removed : added).push(changed.value);
      index += 1;
    }
    const pairs = Math.max(removed.length, added.length);
    for (let pair = 0; pair < pairs; pair++) rows.push(changeRow(removed[pair], added[pair]));
  }
  return withContext(rows);
}

export function hasChanges(rows: DiffRow[]): boolean {
  return rows.some((row) => row.kind === 'change');
}

function changeRow(removed: string | undefined, added: string | undefined): DiffRow {
  if (removed === undefined)
    return { kind: 'change', before: [], after: [{ kind: 'ins', text: added ?? '' }] };
  if (added === undefined) return { kind: 'change', before: [{ kind: 'del', text: removed }], after: [] };
  const ops = diffSequences(removed.split(/(\s+)/), added.split(/(\s+)/));
  return {
    kind: 'change',
    before: merge(ops.filter((op) => op.kind !== 'ins')),
    after: merge(ops.filter((op) => op.kind !== 'del')),
  };
}

/** Joins neighbouring pieces of the same kind, so the markup has one <del> per run of removed words. */
function merge(ops: Op[]): Segment[] {
  const segments: Segment[] = [];
  for (const op of ops) {
    const last = segments[segments.length - 1];
    // Whitespace between two changed words stays inside the change.
    if (last && (last.kind === op.kind || (op.value.trim() === '' && last.kind !== 'same'))) {
      last.text += op.value;
    } else {
      segments.push({ kind: op.kind, text: op.value });
    }
  }
  return segments;
}

/** Long runs of unchanged sentences fold into a gap row, keeping CONTEXT sentences beside each change. */
function withContext(rows: DiffRow[]): DiffRow[] {
  const keep = rows.map((row) => row.kind !== 'same');
  rows.forEach((row, index) => {
    if (row.kind !== 'change') return;
    for (let offset = 1; offset <= CONTEXT; offset++) {
      if (index - offset >= 0) keep[index - offset] = true;
      if (index + offset < rows.length) keep[index + offset] = true;
    }
  });
  const folded: DiffRow[] = [];
  let hidden: DiffRow[] = [];
  // A gap line in place of a single sentence saves nothing: show that sentence instead.
  const flush = () => {
    if (hidden.length === 1) folded.push(hidden[0]);
    else if (hidden.length > 1) folded.push({ kind: 'gap', skipped: hidden.length });
    hidden = [];
  };
  rows.forEach((row, index) => {
    if (keep[index]) {
      flush();
      folded.push(row);
    } else {
      hidden.push(row);
    }
  });
  flush();
  return folded;
}

interface Op {
  kind: SegmentKind;
  value: string;
}

/** Edit script between two sequences: common prefix and suffix first, LCS on the middle. */
export function diffSequences(before: string[], after: string[]): Op[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const same = (values: string[]): Op[] => values.map((value) => ({ kind: 'same', value }));
  const middle = lcsOps(before.slice(start, endBefore), after.slice(start, endAfter));
  return [...same(before.slice(0, start)), ...middle, ...same(before.slice(endBefore))];
}

function lcsOps(before: string[], after: string[]): Op[] {
  const rows = before.length;
  const columns = after.length;
  if (rows * columns > MAX_LCS_CELLS) {
    return [
      ...before.map((value): Op => ({ kind: 'del', value })),
      ...after.map((value): Op => ({ kind: 'ins', value })),
    ];
  }
  // lengths[i][j]: LCS length of before[i:] and after[j:], in one flat array.
  const width = columns + 1;
  const lengths = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i * width + j] =
        before[i] === after[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (before[i] === after[j]) {
      ops.push({ kind: 'same', value: before[i] });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      ops.push({ kind: 'del', value: before[i++] });
    } else {
      ops.push({ kind: 'ins', value: after[j++] });
    }
  }
  while (i < rows) ops.push({ kind: 'del', value: before[i++] });
  while (j < columns) ops.push({ kind: 'ins', value: after[j++] });
  return ops;
}
