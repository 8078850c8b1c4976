import { normaliseText } from './normalise';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
  'legend',
  'dialog',
  'center',
]);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The text of root as blocks: every block-level element (and <br>) ends a block, headings included. */
export function collectBlocks(root: Element): string[] {
  const blocks: string[] = [];
  let buffer = '';
  const flush = (): void => {
    const text = normaliseText(buffer);
    if (text) blocks.push(text);
    buffer = '';
  };
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        buffer += child.textContent ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        const block = BLOCK_TAGS.has((child as Element).tagName.toLowerCase());
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}
