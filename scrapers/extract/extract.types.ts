/** A page reduced to the text a reviewer reads: the input of every comparison. */
export interface ExtractedPage {
  title: string;
  /** BCP 47 primary subtag ("en", "zh", ...) or "und" when it cannot be told. */
  language: string;
  /** The main content, one block per line. */
  mainText: string;
  /** Normalised sentences in reading order; headings and list items are sentences of their own. */
  sentences: string[];
  /**
   * Sentences that read as interface labels (menu items, tile names, prices) in rendered text, where no markup
   * tells them from prose. Shown like any sentence, but a change among them is not a change of the page's text.
   */
  labels?: string[];
}

export interface ExtractOptions {
  /** CSS selector scoping extraction (a watch's selector); when nothing matches, the page reads as empty. */
  selector?: string;
}

export interface TextMeta {
  title?: string;
  language?: string;
  /**
   * `block` (default): every line is a block, as in a browser's innerText.
   * `soft`: single line breaks are wrapping (PDF text); blank lines separate blocks.
   */
  lineBreaks?: 'block' | 'soft';
}
