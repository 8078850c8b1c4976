import { detectBotWall, type BotWall } from '../blocked';
import { extractFromHtml } from '../extract';
import type { CompareHtmlOptions, CompareResult, ComparablePage } from './compare.types';
import { judgeStatementEdit } from './edit-rules';
import { becameDocumentPointer, isGone, keyChars, looksLikeSoft404, lostMostText } from './page-rules';
import { diffSentences, pairEdits } from './sentence-diff';
import { comparableSentences, withoutLabels, type SentenceItem } from './sentence-items';
import { inStatementContext, makesStatement } from './statement-context';

function uniqueTerms(items: readonly SentenceItem[]): string[] {
  return [...new Set(items.flatMap((item) => item.terms.map((hit) => hit.term)))];
}

/** Score within a band: major grows with the weight of what changed, minor with the share of text changed. */
function majorScore(weight: number): number {
  return Math.min(1, 0.6 + 0.2 * weight);
}

function minorScore(changedChars: number, totalChars: number): number {
  return 0.05 + 0.45 * Math.min(1, changedChars / Math.max(totalChars, 1));
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * Judges the change between two versions of a watched page. Reordering, dates, counters, tokens and
 * furniture are no change; a real text change is minor; a change to what the page says about the region,
 * forced labour or the brand's commitment (or the page disappearing) is major.
 */
export function compareVersions(oldPage: ComparablePage, newPage: ComparablePage): CompareResult {
  const wall = botWallOf(newPage);
  if (wall) return noChange([`the new version is a bot wall (${wall.vendor}): ${wall.reason}`], wall);
  // A wall is no baseline: what the real page says cannot be told from it.
  const oldWall = botWallOf(oldPage);
  if (oldWall)
    return noChange([`the old version is a bot wall (${oldWall.vendor}): nothing to compare with`]);
  const oldItems = comparableSentences(withoutLabels(oldPage));
  const newItems = comparableSentences(withoutLabels(newPage));
  const statementPage = makesStatement(oldItems, newItems);
  const before = inStatementContext(oldItems, statementPage);
  const after = inStatementContext(newItems, statementPage);
  const diff = diffSentences(before, after);
  const { pairs, removed, added } = pairEdits(diff);
  const reasons: string[] = [];
  let weight = 0;
  const strongestWeight = (item: SentenceItem): number => Math.max(0, ...item.terms.map((hit) => hit.weight));

  if (isGone(newPage) && !isGone(oldPage)) {
    reasons.push(`the page is gone (HTTP ${newPage.status})`);
    weight += 2;
  } else if (looksLikeSoft404(newPage) && !looksLikeSoft404(oldPage)) {
    reasons.push('the page now reads as "not found"');
    weight += 2;
  }
  if (becameDocumentPointer(before, after)) {
    reasons.push('the statement page is now only a link to a document (a PDF?): follow it');
    weight += 2;
  }
  if (lostMostText(before, after)) {
    reasons.push('most of the main text is gone');
    weight += 1;
  }
  for (const item of removed.filter((entry) => entry.strong)) {
    reasons.push(`a statement was removed: "${item.text}"`);
    weight += strongestWeight(item);
  }
  for (const item of added.filter((entry) => entry.strong)) {
    reasons.push(`a statement was added: "${item.text}"`);
    weight += strongestWeight(item);
  }
  for (const [items, verb] of [
    [removed, 'dropped from'],
    [added, 'added to'],
  ] as const) {
    for (const item of items.filter((entry) => !entry.strong && entry.listedUnder)) {
      reasons.push(`a name was ${verb} the list under "${item.listedUnder}": "${item.text}"`);
      weight += 1;
    }
  }
  const minorReasons: string[] = [];
  for (const pair of pairs) {
    if (!pair.before.strong && !pair.after.strong) continue;
    const verdict = judgeStatementEdit(pair);
    if (verdict.major) {
      reasons.push(verdict.reason);
      weight += 1;
    } else minorReasons.push(verdict.reason);
  }

  const changedItems = [...diff.removed, ...diff.added];
  const result = {
    added: diff.added.map((item) => item.text),
    removed: diff.removed.map((item) => item.text),
    terms: uniqueTerms(changedItems),
  };
  if (weight > 0) {
    return { changed: true, significance: 'major', score: round(majorScore(weight)), ...result, reasons };
  }
  if (changedItems.length === 0) {
    return { changed: false, significance: 'none', score: 0, ...result, reasons: [] };
  }
  const total = Math.max(keyChars(before), keyChars(after));
  const otherReasons = changedItems.length > 2 * minorReasons.length ? ['the page text changed'] : [];
  return {
    changed: true,
    significance: 'minor',
    score: round(minorScore(keyChars(changedItems), total)),
    ...result,
    reasons: [...minorReasons, ...otherReasons],
  };
}

function botWallOf(page: ComparablePage): BotWall | undefined {
  return page.botWall ?? detectBotWall({ status: page.status, title: page.title, text: page.mainText });
}

function noChange(reasons: string[], blocked?: BotWall): CompareResult {
  const result = {
    changed: false,
    significance: 'none' as const,
    score: 0,
    added: [],
    removed: [],
    terms: [],
  };
  return blocked ? { ...result, reasons, blocked } : { ...result, reasons };
}

/** Extracts both versions (optionally scoped by a selector) and compares them. */
export function compareHtml(
  oldHtml: string,
  newHtml: string,
  options: CompareHtmlOptions = {},
): CompareResult {
  const extractOptions = { selector: options.selector };
  const version = (html: string, status: number | undefined): ComparablePage => {
    const page = extractFromHtml(html, extractOptions);
    const botWall = detectBotWall({ status, html, title: page.title, text: page.mainText });
    return { ...page, status, botWall };
  };
  return compareVersions(version(oldHtml, options.oldStatus), version(newHtml, options.newStatus));
}
