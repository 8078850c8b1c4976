import termsData from './terms.json';
import cuesData from './cues.json';
import datesData from './dates.json';
import stopwordsData from './stopwords.json';
import { PatternSet, type PatternEntry } from './pattern';
import type { CategoryInfo, CueEntry, CueKind, TermCategory, TermEntry } from './lexicon.types';

/** The lexicon compiled for matching. Built once per process from the JSON files beside this one. */
export interface Lexicon {
  terms: PatternSet<TermEntry>;
  cues: Record<CueKind, PatternSet<CueEntry>>;
  dateWords: PatternSet<CueEntry>;
  publicationLabels: PatternSet<CueEntry>;
  stopwords: Record<string, ReadonlySet<string>>;
}

const TERM_CATEGORIES: readonly TermCategory[] = [
  'region',
  'forced_labour',
  'labour_transfer',
  'initiative',
  'traceability',
  'assurance',
  'relationship',
  'material',
  'supply_chain',
];
const CUE_KINDS: readonly CueKind[] = [
  'negation',
  'prohibition',
  'hedging',
  'exception',
  'euphemism',
  'soft404',
  'boilerplate',
  'ephemeral',
  'scope',
  'disclosure',
];

type ByLanguage = Record<string, string[]>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks `{ lang: ["pattern", ...] }` and names the offending place, so a bad edit fails loudly at load. */
function readByLanguage(value: unknown, where: string): ByLanguage {
  if (!isRecord(value)) throw new Error(`lexicon: ${where} must be an object of languages`);
  const result: ByLanguage = {};
  for (const [language, patterns] of Object.entries(value)) {
    if (!Array.isArray(patterns) || patterns.length === 0) {
      throw new Error(`lexicon: ${where}.${language} must be a non-empty list`);
    }
    for (const pattern of patterns) {
      if (typeof pattern !== 'string' || pattern.replace(/\*/g, '').trim() === '') {
        throw new Error(`lexicon: ${where}.${language} holds an empty or non-text pattern`);
      }
    }
    result[language] = [...new Set(patterns as string[])];
  }
  return result;
}

function buildSet<E extends PatternEntry>(
  byLanguage: ByLanguage,
  makeEntry: (label: string, language: string) => E,
): PatternSet<E> {
  const entries: E[] = [];
  const patterns: string[] = [];
  for (const [language, list] of Object.entries(byLanguage)) {
    for (const pattern of list) {
      entries.push(makeEntry(pattern.replace(/^\*|\*$/g, ''), language));
      patterns.push(pattern);
    }
  }
  return new PatternSet(entries, patterns);
}

function readCategory(categories: Record<string, unknown>, category: TermCategory): CategoryInfo {
  const info = categories[category];
  if (!isRecord(info) || typeof info.weight !== 'number' || typeof info.strong !== 'boolean') {
    throw new Error(`lexicon: categories.${category} needs a numeric weight and a boolean strong`);
  }
  return { weight: info.weight, strong: info.strong };
}

export function buildLexicon(terms: unknown, cues: unknown, dates: unknown, stopwords: unknown): Lexicon {
  if (!isRecord(terms) || !isRecord(terms.categories) || !isRecord(terms.terms)) {
    throw new Error('lexicon: terms.json needs "categories" and "terms"');
  }
  const categories = terms.categories;
  const termLists = terms.terms;
  const termEntries: TermEntry[] = [];
  const termPatterns: string[] = [];
  for (const category of TERM_CATEGORIES) {
    const info = readCategory(categories, category);
    const set = readByLanguage(termLists[category], `terms.${category}`);
    for (const [language, list] of Object.entries(set)) {
      for (const pattern of list) {
        termEntries.push({ label: pattern.replace(/^\*|\*$/g, ''), group: category, language, ...info });
        termPatterns.push(pattern);
      }
    }
  }
  if (!isRecord(cues)) throw new Error('lexicon: cues.json must be an object');
  const cueSets = {} as Record<CueKind, PatternSet<CueEntry>>;
  for (const kind of CUE_KINDS) {
    cueSets[kind] = buildSet(readByLanguage(cues[kind], `cues.${kind}`), (label, language) => ({
      label,
      group: kind,
      language,
    }));
  }
  if (!isRecord(dates)) throw new Error('lexicon: dates.json must be an object');
  const dateEntry = (group: CueKind) => (label: string, language: string) => ({ label, group, language });
  if (!isRecord(stopwords)) throw new Error('lexicon: stopwords.json must be an object');
  const stopwordSets: Record<string, ReadonlySet<string>> = {};
  for (const [language, words] of Object.entries(readByLanguage(stripComment(stopwords), 'stopwords'))) {
    stopwordSets[language] = new Set(words);
  }
  return {
    terms: new PatternSet(termEntries, termPatterns),
    cues: cueSets,
    dateWords: buildSet(readByLanguage(dates.words, 'dates.words'), dateEntry('boilerplate')),
    publicationLabels: buildSet(
      readByLanguage(dates.publicationLabels, 'dates.publicationLabels'),
      dateEntry('boilerplate'),
    ),
    stopwords: stopwordSets,
  };
}

function stripComment(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('$')));
}

let shared: Lexicon | undefined;

/** The bundled lexicon, compiled on first use and then shared. */
export function getLexicon(): Lexicon {
  shared ??= buildLexicon(termsData, cuesData, datesData, stopwordsData);
  return shared;
}
