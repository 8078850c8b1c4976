import type { BotWall } from '../blocked';
import type { ExtractedPage } from '../extract';

export type Significance = 'none' | 'minor' | 'major';

/** An extracted page and, when it came over HTTP, the status it was served with. */
export interface ComparablePage extends ExtractedPage {
  status?: number;
  /**
   * Set by whoever saw the answer's headers or source (a fetcher, compareHtml) when it was a bot wall; compare
   * otherwise judges from the status and text alone.
   */
  botWall?: BotWall;
}

export interface CompareResult {
  /** True when significance is not none: the change deserves a reviewer's time. */
  changed: boolean;
  significance: Significance;
  /** 0 for no change, up to 0.5 for minor, 0.6 and above for major. */
  score: number;
  /** Sentences of the new version that the old one lacked, as the page shows them. */
  added: string[];
  /** Sentences of the old version that are gone. */
  removed: string[];
  /** Lexicon terms found in the changed sentences. */
  terms: string[];
  /** Why the significance was chosen, for reviewers and logs. */
  reasons: string[];
  /** Present when the new version is a bot wall, challenge or rate-limit page: never a change. */
  blocked?: BotWall;
}

export interface CompareHtmlOptions {
  /** CSS selector scoping both versions (a watch's selector). */
  selector?: string;
  oldStatus?: number;
  newStatus?: number;
}
