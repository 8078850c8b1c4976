import type { Page } from 'puppeteer-core';
import { CONSENT_TOKENS } from '../extract/boilerplate-patterns';
import {
  ANCHOR_GROUPS,
  CONSENT_GROUPS,
  CONSENT_PROMPT_MAX_CHARS,
  MIN_GROUPS,
} from '../extract/consent-prompt';

interface ConsentRules {
  tokens: readonly string[];
  groups: readonly string[];
  anchorGroups: number;
  minGroups: number;
  maxChars: number;
}

const RULES: ConsentRules = {
  tokens: CONSENT_TOKENS,
  groups: CONSENT_GROUPS.map((group) => group.source),
  anchorGroups: ANCHOR_GROUPS,
  minGroups: MIN_GROUPS,
  maxChars: CONSENT_PROMPT_MAX_CHARS,
};

/**
 * Removes consent dialogs from the rendered page before its text is read, so what we read is the content
 * under the dialog: elements a consent manager names by id or class (the same tokens as HTTP extraction),
 * and dialogs or fixed overlays that read as a consent prompt (the same word groups). Returns how many
 * elements went. Runs in the page, so it gets its rules as data.
 */
export function removeConsentPrompts(page: Page): Promise<number> {
  return page.evaluate((rules: ConsentRules) => {
    const CONTENT = 'main, article, [role="main"]';
    const tokens = new Set(rules.tokens);
    const groups = rules.groups.map((source) => new RegExp(source));
    const fold = (text: string) =>
      text
        .normalize('NFKC')
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[’‘`´ʼ]/g, "'")
        .replace(/[-‐‑‒–—_/]/g, ' ')
        .replace(/\s+/g, ' ');
    const named = (element: Element) =>
      `${element.id} ${element.getAttribute('class') ?? ''}`
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .some((token) => tokens.has(token));
    const readsAsPrompt = (element: HTMLElement) => {
      const text = element.innerText ?? '';
      if (text.length === 0 || text.length > rules.maxChars) return false;
      const folded = fold(text);
      const matched = groups.map((group) => group.test(folded));
      return (
        matched.slice(0, rules.anchorGroups).some(Boolean) &&
        matched.filter(Boolean).length >= rules.minGroups
      );
    };
    const overlaid = (element: HTMLElement) => {
      const role = element.getAttribute('role');
      if (role === 'dialog' || role === 'alertdialog' || element.getAttribute('aria-modal') === 'true')
        return true;
      const position = getComputedStyle(element).position;
      return position === 'fixed' || position === 'sticky';
    };
    const holdsContent = new Set<Element>();
    for (const content of Array.from(document.querySelectorAll(CONTENT))) {
      for (let node: Element | null = content; node && !holdsContent.has(node); node = node.parentElement) {
        holdsContent.add(node);
      }
    }
    let removed = 0;
    for (const element of Array.from(document.body?.querySelectorAll<HTMLElement>('*') ?? [])) {
      // Never the content itself, nor a wrapper holding it.
      if (!element.isConnected || holdsContent.has(element)) continue;
      if (named(element) || (overlaid(element) && readsAsPrompt(element))) {
        element.remove();
        removed += 1;
      }
    }
    return removed;
  }, RULES);
}
