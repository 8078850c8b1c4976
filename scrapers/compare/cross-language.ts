import type { ExtractedPage } from '../extract';
import { findCuesInFolded, type TermCategory } from '../lexicon';
import { comparableSentences, withoutLabels, type SentenceItem } from './sentence-items';

/**
 * What one language's version of a statement says about the region:
 * - `firm`: a region or forced-labour sentence with a negation or prohibition and no hedging ("we do not
 *   source", "we ban");
 * - `softened`: such sentences, but hedged or with the region behind a euphemism ("aim to reduce", "certain
 *   regions");
 * - `unqualified`: the region named with no commitment either way (how a contradiction reads: "we will
 *   continue to buy Xinjiang cotton");
 * - `silent`: the region is not mentioned at all.
 */
export type RegionStance = 'firm' | 'softened' | 'unqualified' | 'silent';

export interface LanguageVersion {
  /** Whatever identifies the page to the caller (a watch id). */
  id: string;
  url: string;
  language: string;
  page: ExtractedPage;
}

export interface LanguageInconsistency {
  kept: LanguageVersion;
  departed: LanguageVersion;
  departedStance: Exclude<RegionStance, 'firm'>;
  /** For the flag: which page keeps the statement, which drops, softens or contradicts it, and the sentences. */
  reason: string;
}

const CORE: ReadonlySet<TermCategory> = new Set(['region', 'forced_labour', 'labour_transfer', 'initiative']);

function regionSentences(page: ExtractedPage): SentenceItem[] {
  return comparableSentences(withoutLabels(page)).filter((item) =>
    item.terms.some((hit) => CORE.has(hit.category)),
  );
}

const has = (item: SentenceItem, kind: 'negation' | 'prohibition' | 'hedging' | 'euphemism') =>
  findCuesInFolded(item.folded, kind).length > 0;

export function regionStance(page: ExtractedPage): { stance: RegionStance; sentences: SentenceItem[] } {
  const sentences = regionSentences(page);
  if (sentences.length === 0) return { stance: 'silent', sentences };
  const committed = sentences.filter((item) => has(item, 'negation') || has(item, 'prohibition'));
  const hedged = sentences.filter((item) => has(item, 'hedging') || has(item, 'euphemism'));
  if (committed.some((item) => !hedged.includes(item))) return { stance: 'firm', sentences: committed };
  if (hedged.length > 0) return { stance: 'softened', sentences: hedged };
  return { stance: 'unqualified', sentences };
}

const DEPARTURE: Record<Exclude<RegionStance, 'firm'>, string> = {
  softened: 'softens',
  unqualified: 'contradicts',
  silent: 'drops',
};

/**
 * One statement in several languages (H&M's and Inditex's Chinese pages in March 2021): when one version keeps
 * a firm region statement and another drops, softens or contradicts it, that is one major inconsistency,
 * naming both pages. Returns the first such pair, the departing version being the one most recently checked
 * when the caller lists it first.
 */
export function crossLanguageInconsistency(
  versions: readonly LanguageVersion[],
): LanguageInconsistency | undefined {
  const judged = versions.map((version) => ({ version, ...regionStance(version.page) }));
  const kept = judged.find((entry) => entry.stance === 'firm');
  const departed = judged.find((entry) => entry.stance !== 'firm');
  if (!kept || !departed || departed.stance === 'firm') return undefined;
  const quote = (items: SentenceItem[]) => items.map((item) => `"${item.text}"`).join(' ');
  const said = departed.sentences.length > 0 ? `: ${quote(departed.sentences)}` : '';
  return {
    kept: kept.version,
    departed: departed.version,
    departedStance: departed.stance,
    reason:
      `inconsistent across languages: the ${kept.version.language} page ${kept.version.url} says ` +
      `${quote(kept.sentences)}, the ${departed.version.language} page ${departed.version.url} ` +
      `${DEPARTURE[departed.stance]} it${said}`,
  };
}
