import { parseHTML } from 'linkedom';
import { inertCss } from './inert-css';

/**
 * Elements that run code, load other documents or resources by their mere presence, or move the reader
 * elsewhere. `link` goes whatever its rel (stylesheet, icon, preload, manifest...): none is needed to read.
 */
const REMOVED_ELEMENTS =
  'script, noscript, iframe, frame, frameset, object, embed, applet, base, portal, link, meta[http-equiv], ' +
  'set, animate, animateMotion, animateTransform';

/** Attributes that make a browser fetch something as the page loads, on any element (HTML and SVG). */
const LOADING_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'imagesrcset',
  'poster',
  'background',
  'lowsrc',
  'dynsrc',
  'data',
  'codebase',
  'manifest',
  'ping',
  'longdesc',
  'action',
  'formaction',
  'srcdoc',
]);

/** Reader-followed links, kept (as evidence of where the page pointed) when they are plain http(s). */
const LINK_ELEMENTS = new Set(['a', 'area']);

/**
 * The archived HTML made inert: nothing in it runs, and nothing loads from anywhere when it is opened, even
 * in a browser that ignored the copy's CSP sandbox (the second layer; the header is the first). Scripts,
 * frames, plugins, `<link>`, `<base>` and meta refresh go; every attribute that fetches (src, srcset, poster,
 * SVG href...) is moved to `data-archived-<name>`, so the copy still says what was there; styles keep their
 * text with every url(), image-set() and @import disabled (inert-css.ts); links stay, as they load nothing
 * until followed. The raw original is stored apart, unchanged, for its hash.
 */
export function inertHtml(html: string): string {
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`);
  for (const element of Array.from(document.querySelectorAll(REMOVED_ELEMENTS))) element.remove();
  for (const style of Array.from(document.querySelectorAll('style'))) {
    style.textContent = inertCss(style.textContent ?? '');
  }
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const isLink = LINK_ELEMENTS.has(element.localName.toLowerCase());
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      const local = lower.replace(/^xlink:/, '');
      if (lower.startsWith('on')) element.removeAttribute(name);
      else if (local === 'href' && isLink) {
        if (!isFollowableLink(value)) element.removeAttribute(name);
      } else if (
        (local === 'href' && !value.trim().startsWith('#')) ||
        (LOADING_ATTRIBUTES.has(local) && !isInlineImage(value))
      ) {
        element.removeAttribute(name);
        if (!isActiveUrl(value)) element.setAttribute(`data-archived-${local}`, value);
      } else {
        // Inline styles, and SVG presentation attributes that take url() (fill, filter, mask, clip-path...);
        // other attributes are left exactly as they were.
        const inert = inertCss(value);
        if (inert.includes('x-inert-') && inert !== value) element.setAttribute(name, inert);
      }
    }
  }
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
}

/** Browsers ignore control characters and spaces inside a scheme ("java\tscript:"). */
function schemeOf(value: string): string {
  return Array.from(value)
    .filter((char) => char.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();
}

function isActiveUrl(value: string): boolean {
  const scheme = schemeOf(value);
  return (
    scheme.startsWith('javascript:') || scheme.startsWith('vbscript:') || scheme.startsWith('data:text/html')
  );
}

/** A data: image loads nothing from anywhere, and the CSP allows it: the copy keeps its inline pictures. */
function isInlineImage(value: string): boolean {
  return schemeOf(value).startsWith('data:image/') && !schemeOf(value).startsWith('data:image/svg');
}

/** http(s), relative and fragment links; anything else (javascript:, data:, file:...) is dropped. */
function isFollowableLink(value: string): boolean {
  const scheme = schemeOf(value);
  const colon = scheme.search(/[:/?#]/);
  return colon < 0 || scheme[colon] !== ':' || /^https?:/.test(scheme);
}
