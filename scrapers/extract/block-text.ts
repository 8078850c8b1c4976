import { isElement, isText, type Element } from './light-dom';
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
  'tfoot',
  'thead',
  'tr',
  'ul',
  'br',
  'legend',
  'dialog',
  'center',
]);
/**
 * Table cells are read along their row, as a browser's innerText does: "No sourcing from the region | Yes"
 * means something only as one line, so a status or deadline cell changing is judged with its row's words.
 */
const CELL_TAGS = new Set(['td', 'th']);

/** The text of root as blocks: every block-level element (and <br>) ends a block, headings included. */
export function collectBlocks(root: Element): string[] {
  const blocks: string[] = [];
  let buffer = '';
  const flush = (): void => {
    const text = normaliseText(buffer);
    if (text) blocks.push(text);
    buffer = '';
  };
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (isText(child)) {
        buffer += child.data;
      } else if (isElement(child)) {
        const tag = child.name;
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        else if (CELL_TAGS.has(tag)) buffer += ' ';
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}
