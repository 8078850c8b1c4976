import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface LabelledPair {
  id: string;
  label: 'none' | 'minor' | 'major';
  why: string;
  oldHtml: string;
  newHtml: string;
}

/** Reads a folder of `<id>/{old,new}.html` pairs with a `labels.jsonl` beside them. */
export function readLabelledPairs(folder: string): LabelledPair[] {
  return readFileSync(path.join(folder, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const { id, label, why } = JSON.parse(line) as {
        id: string;
        label: LabelledPair['label'];
        why: string;
      };
      return {
        id,
        label,
        why,
        oldHtml: readFileSync(path.join(folder, id, 'old.html'), 'utf8'),
        newHtml: readFileSync(path.join(folder, id, 'new.html'), 'utf8'),
      };
    });
}
