import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Label = 'none' | 'minor' | 'major';

export interface LabelledPair {
  id: string;
  label: Label;
  why: string;
  oldHtml: string;
  newHtml: string;
}

/** A pair captured as a browser's innerText rather than HTML (`<id>/{old,new}.txt`). */
export interface LabelledTextPair {
  id: string;
  label: Label;
  why: string;
  oldText: string;
  newText: string;
}

interface LabelLine {
  id: string;
  label: Label;
  why: string;
}

function readLabels(folder: string): LabelLine[] {
  return readFileSync(path.join(folder, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelLine);
}

/** Pairs of `<id>/{old,new}.<extension>` listed in the folder's `labels.jsonl`, with their contents. */
function readPairsWith(folder: string, extension: 'html' | 'txt') {
  return readLabels(folder)
    .filter(({ id }) => existsSync(path.join(folder, id, `old.${extension}`)))
    .map((line) => ({
      ...line,
      old: readFileSync(path.join(folder, line.id, `old.${extension}`), 'utf8'),
      new: readFileSync(path.join(folder, line.id, `new.${extension}`), 'utf8'),
    }));
}

/** Reads a folder of `<id>/{old,new}.html` pairs with a `labels.jsonl` beside them. */
export function readLabelledPairs(folder: string): LabelledPair[] {
  return readPairsWith(folder, 'html').map(({ id, label, why, old, new: next }) => ({
    id,
    label,
    why,
    oldHtml: old,
    newHtml: next,
  }));
}

/** Reads the `<id>/{old,new}.txt` pairs of a labelled folder: text as a browser's innerText gives it. */
export function readLabelledTextPairs(folder: string): LabelledTextPair[] {
  return readPairsWith(folder, 'txt').map(({ id, label, why, old, new: next }) => ({
    id,
    label,
    why,
    oldText: old,
    newText: next,
  }));
}
