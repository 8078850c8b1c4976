import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { compareHtml } from '../scrapers/compare';

/**
 * Pairs per second through compareHtml on a mix of our fixtures and the shared corpus, against a ceiling that
 * does the least any comparison must: parse both pages with htmlparser2, take the text, and take a plain set
 * difference of sentences. Run: node -r ts-node/register/transpile-only bench/compare.bench.ts
 */
const FOLDERS = [
  path.resolve(__dirname, '../test/fixtures/compare'),
  path.resolve(__dirname, '../test/fixtures/change-significance'),
];
const MIN_SECONDS = 3;

interface Pair {
  oldHtml: string;
  newHtml: string;
}

function loadPairs(): Pair[] {
  return FOLDERS.flatMap((folder) => {
    let entries: string[];
    try {
      entries = readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    } catch {
      return [];
    }
    return entries.map((name) => ({
      oldHtml: readFileSync(path.join(folder, name, 'old.html'), 'utf8'),
      newHtml: readFileSync(path.join(folder, name, 'new.html'), 'utf8'),
    }));
  });
}

function textOf(html: string): string {
  const chunks: string[] = [];
  let skip = 0;
  const parser = new Parser({
    onopentag: (name) => {
      if (name === 'script' || name === 'style') skip++;
    },
    onclosetag: (name) => {
      if (name === 'script' || name === 'style') skip--;
    },
    ontext: (text) => {
      if (skip === 0) chunks.push(text);
    },
  });
  parser.end(html);
  return chunks.join('\n');
}

function bareSentences(html: string): Set<string> {
  return new Set(
    textOf(html)
      .split(/(?<=[.!?。！？])\s+|\n+/)
      .map((sentence) => sentence.trim())
      .filter(Boolean),
  );
}

function bareDiff(pair: Pair): number {
  const before = bareSentences(pair.oldHtml);
  const after = bareSentences(pair.newHtml);
  let changed = 0;
  for (const sentence of before) if (!after.has(sentence)) changed++;
  for (const sentence of after) if (!before.has(sentence)) changed++;
  return changed;
}

/** Runs whole passes over the pairs until MIN_SECONDS have passed; returns pairs per second. */
function pairsPerSecond(pairs: Pair[], judge: (pair: Pair) => unknown): number {
  for (const pair of pairs) judge(pair); // warm-up: JIT, lexicon compilation
  let done = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS) {
    for (const pair of pairs) judge(pair);
    done += pairs.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return done / elapsed;
}

function main(): void {
  const pairs = loadPairs();
  if (pairs.length === 0) throw new Error('no fixture pairs found');
  const ours = pairsPerSecond(pairs, (pair) => compareHtml(pair.oldHtml, pair.newHtml));
  const ceiling = pairsPerSecond(pairs, bareDiff);
  const ratio = ours / ceiling;
  const rows = [
    { figure: `compareHtml on ${pairs.length} fixture pairs`, unit: 'pairs/s', ours, ceiling, ratio },
  ];
  console.log(
    'figure'.padEnd(40),
    'unit'.padEnd(8),
    'ours'.padStart(10),
    'ceiling'.padStart(10),
    'ratio'.padStart(8),
  );
  for (const row of rows) {
    console.log(
      row.figure.padEnd(40),
      row.unit.padEnd(8),
      row.ours.toFixed(1).padStart(10),
      row.ceiling.toFixed(1).padStart(10),
      row.ratio.toFixed(3).padStart(8),
    );
  }
  const results = path.resolve(__dirname, 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(
    path.join(results, 'compare.json'),
    `${JSON.stringify({ name: 'compare', rows }, null, 2)}\n`,
  );
}

main();
