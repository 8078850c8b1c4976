import { EDIT_CUE_KINDS, findCuesInFolded, type EditCueKind, type TermCategory } from '../lexicon';
import { changedNames } from './named-entities';
import type { EditPair } from './sentence-diff';
import type { SentenceItem } from './sentence-items';
import { editDistanceWithin } from './similarity';

export interface EditVerdict {
  major: boolean;
  reason: string;
}

/** Chinese and Japanese tier ordinals ("一级", "二次") count as the numbers they are. */
const CJK_ORDINAL = /([一二三四五六])(?=[级級次层層])/g;
const CJK_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6' };

function sortedNumbers(folded: string): string[] {
  const digits = folded.replace(CJK_ORDINAL, (numeral: string) => ` ${CJK_DIGITS[numeral]} `);
  return (digits.match(/\d+(?:[.,]\d+)*/g) ?? [])
    .map((number) => number.replace(/[.,](?=\d{3}\b)/g, ''))
    .sort();
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...a].sort();
  const right = [...b].sort();
  return left.every((value, index) => value === right[index]);
}

const CUE_REASONS: Record<EditCueKind, { fewer: string; more: string }> = {
  negation: { fewer: 'a negation was dropped', more: 'a negation was added' },
  prohibition: {
    fewer: 'a prohibition or commitment was weakened',
    more: 'a prohibition or commitment was added',
  },
  hedging: { fewer: 'hedging was removed', more: 'hedging was added' },
  exception: { fewer: 'an exception or limit was removed', more: 'an exception or limit was added' },
  euphemism: { fewer: 'vague wording was replaced', more: 'a vague phrase now stands in for a named place' },
  disclosure: { fewer: 'it no longer says this is published', more: 'it now says this is published' },
};

function cueChange(before: SentenceItem, after: SentenceItem): string | undefined {
  for (const kind of EDIT_CUE_KINDS) {
    const old = findCuesInFolded(before.folded, kind);
    const now = findCuesInFolded(after.folded, kind);
    if (!sameMultiset(old, now)) return CUE_REASONS[kind][now.length < old.length ? 'fewer' : 'more'];
  }
  return undefined;
}

/** A typo fix or a change of case and punctuation: a handful of characters in the whole sentence. */
function isSmallCorrection(before: SentenceItem, after: SentenceItem): boolean {
  const limit = Math.min(6, Math.max(2, Math.floor(before.key.length * 0.03)));
  return editDistanceWithin(before.key, after.key, limit) <= limit;
}

function labels(item: SentenceItem, strong: boolean): string[] {
  return item.terms.filter((hit) => hit.strong === strong).map((hit) => hit.label);
}

function labelsOf(item: SentenceItem, category: TermCategory): string[] {
  return item.terms.filter((hit) => hit.category === category).map((hit) => hit.label);
}

/** Traceability and assurance words are what campaigners read first: named in the reason when they move. */
const DOMAIN_REASONS: [TermCategory, string][] = [
  ['assurance', 'the assurance behind a statement changed (audits, verification, certification)'],
  ['traceability', 'what the brand traces or discloses changed (supplier lists, mapping, origin)'],
];

function domainChange(before: SentenceItem, after: SentenceItem): string | undefined {
  for (const [category, reason] of DOMAIN_REASONS) {
    const old = labelsOf(before, category);
    const now = labelsOf(after, category);
    if (!sameMultiset(old, now)) {
      const gone = old.filter((label) => !now.includes(label));
      const came = now.filter((label) => !old.includes(label));
      const detail = [...gone.map((label) => `-${label}`), ...came.map((label) => `+${label}`)].join(' ');
      return detail ? `${reason} [${detail}]` : reason;
    }
  }
  return undefined;
}

/**
 * Judges one edited sentence that speaks of the region or forced labour. Meaning changes (numbers and
 * deadlines, negation, commitment vs hedging, exceptions, the named place or the materials covered) are
 * major; a small correction that keeps all of these is minor.
 */
export function judgeStatementEdit({ before, after }: EditPair): EditVerdict {
  const quote = `"${before.text}" -> "${after.text}"`;
  if (!sameMultiset(sortedNumbers(before.folded), sortedNumbers(after.folded))) {
    return { major: true, reason: `a number or deadline changed in a statement: ${quote}` };
  }
  const cue = cueChange(before, after);
  const domain = domainChange(before, after);
  if (cue)
    return { major: true, reason: `${[cue, domain].filter(Boolean).join('; ')} in a statement: ${quote}` };
  const aboutRelationships = [before, after].some((item) =>
    item.terms.some((hit) => hit.category === 'relationship'),
  );
  const names = changedNames(before.text, after.text, aboutRelationships);
  if (names.dropped.length > 0 || names.added.length > 0) {
    const listed = [...names.dropped.map((name) => `-${name}`), ...names.added.map((name) => `+${name}`)];
    return {
      major: true,
      reason: `a name was dropped from or added to a statement [${listed.join(' ')}]: ${quote}`,
    };
  }
  if (isSmallCorrection(before, after))
    return { major: false, reason: `small correction in a statement: ${quote}` };
  if (domain) return { major: true, reason: `${domain}: ${quote}` };
  if (!sameMultiset(labels(before, true), labels(after, true))) {
    return { major: true, reason: `the region or forced-labour terms changed: ${quote}` };
  }
  if (!sameMultiset(labels(before, false), labels(after, false))) {
    return { major: true, reason: `the materials or supply-chain scope changed in a statement: ${quote}` };
  }
  return { major: false, reason: `statement reworded without a change of meaning found: ${quote}` };
}
