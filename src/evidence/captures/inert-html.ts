import { parseHTML } from 'linkedom';

/** Elements that run code, load other documents or move the reader elsewhere. */
const ACTIVE_ELEMENTS =
  'script, noscript, iframe, frame, frameset, object, embed, applet, base, portal, ' +
  'meta[http-equiv="refresh" i], link[rel~="import" i], link[rel~="preload" i], link[rel~="prefetch" i]';

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];

/**
 * The archived HTML with everything active taken out. The served copy's CSP sandbox is what keeps scripts
 * from running; this is the second layer, so a browser that ignored the header would still run nothing.
 */
export function inertHtml(html: string): string {
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`);
  for (const element of Array.from(document.querySelectorAll(ACTIVE_ELEMENTS))) element.remove();
  for (const element of Array.from(document.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) element.removeAttribute(name);
      else if (URL_ATTRIBUTES.includes(lower) && isActiveUrl(value)) element.removeAttribute(name);
    }
  }
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
}

function isActiveUrl(value: string): boolean {
  // Browsers ignore control characters and spaces inside the scheme ("java\tscript:").
  const scheme = Array.from(value)
    .filter((char) => char.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();
  return (
    scheme.startsWith('javascript:') || scheme.startsWith('vbscript:') || scheme.startsWith('data:text/html')
  );
}
