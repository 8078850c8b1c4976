import { findCuesInFolded } from '../lexicon';
import type { SentenceItem } from './sentence-items';

/**
 * What a sentence means depends on the page around it. On a page that makes a statement about the region or
 * forced labour:
 * - a sentence saying what a policy covers ("This commitment covers polysilicon and aluminium frames") or what
 *   the brand discloses ("Our full list of cell suppliers is published here") is part of the statement, though
 *   it names neither;
 * - the names listed under a statement ("We have ended business with the following suppliers:" and a list)
 *   are part of it: a name dropped from or added to such a list is what campaigners look for.
 */
/** Some page of the two makes a statement: only then do scope sentences and lists of names count as one. */
export function makesStatement(...versions: readonly SentenceItem[][]): boolean {
  return versions.some((items) => items.some((item) => item.strong));
}

const SCOPE_CATEGORIES = new Set(['material', 'supply_chain']);

/** Says what a policy covers or what is disclosed, in terms of materials, suppliers or tiers. */
function isScopeSentence(item: SentenceItem): boolean {
  return (
    item.terms.some((hit) => SCOPE_CATEGORIES.has(hit.category)) &&
    findCuesInFolded(item.folded, 'scope').length > 0
  );
}

const LIST_INTRO_END = /[:：]\s*$/;
const NAME_MAX_CHARS = 80;
const SENTENCE_END = /[.!?。！？]\s*$/;
// Company-form abbreviations end a name with a full stop without ending a sentence.
const COMPANY_FORM =
  /\b(?:co|corp|inc|ltd|llc|plc|gmbh|ag|bv|nv|sa|s\.a|srl|spa|s\.p\.a|sl|s\.l|kk|pte)\.\s*$/i;

function readsAsName(item: SentenceItem): boolean {
  if (item.text.length > NAME_MAX_CHARS || LIST_INTRO_END.test(item.text)) return false;
  return !SENTENCE_END.test(item.text) || COMPANY_FORM.test(item.text);
}

function introducesList(item: SentenceItem): boolean {
  return (
    item.strong &&
    (LIST_INTRO_END.test(item.text) || item.terms.some((hit) => hit.category === 'relationship'))
  );
}

/** Marks scope sentences as statements and the names listed under a statement, in reading order. */
export function inStatementContext(items: readonly SentenceItem[], statementPage: boolean): SentenceItem[] {
  if (!statementPage) return [...items];
  let intro: string | undefined;
  return items.map((item) => {
    const scoped = !item.strong && isScopeSentence(item) ? { ...item, strong: true } : item;
    if (intro && readsAsName(scoped)) return { ...scoped, listedUnder: intro };
    intro = introducesList(scoped) ? scoped.text : undefined;
    return scoped;
  });
}
