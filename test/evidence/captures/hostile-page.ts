/**
 * A captured page that tries every way we know to make a browser fetch from `origin` as it opens, one kind
 * per path (`/kind-<name>`), so a test can tell which kind got through.
 */
export function hostilePage(origin: string): string {
  const at = (kind: string) => `${origin}/kind-${kind}`;
  return `<!DOCTYPE html><html manifest="${at('manifest')}"><head>
<link rel="stylesheet" href="${at('link-stylesheet')}">
<link rel="icon" href="${at('link-icon')}">
<link rel="preload" as="image" href="${at('link-preload')}">
<link rel="prefetch" href="${at('link-prefetch')}">
<style>
  @import url("${at('style-import-url')}");
  @import '${at('style-import-string')}';
  @\\69 mport '${at('style-import-escaped')}';
  @font-face { font-family: Leak; src: url(${at('font-face')}) format("woff"); }
  body { background-image: url('${at('style-background')}'); font-family: Leak; }
  h1 { background-image: image-set("${at('style-image-set')}" 1x); }
  h2 { background: -webkit-image-set(url(${at('style-webkit-image-set')}) 1x); }
  h3 { background: \\75 rl(${at('style-escaped-url')}); }
  ul { list-style-image: url(${at('style-list-image')}); }
  p { cursor: url(${at('style-cursor')}), auto; border-image: url(${at('style-border-image')}) 30; }
</style>
</head><body background="${at('body-background')}">
<h1>Heading</h1><h2>Second</h2><h3>Third</h3><ul><li>item</li></ul>
<p>We do not source cotton from the region.</p>
<img src="${at('img-src')}" alt="a logo">
<img srcset="${at('img-srcset')} 1x, ${at('img-srcset-2x')} 2x" alt="set">
<picture><source srcset="${at('picture-source')}"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="inline"></picture>
<video poster="${at('video-poster')}" src="${at('video-src')}" preload="auto"><track src="${at('video-track')}"></video>
<audio src="${at('audio-src')}" preload="auto"></audio>
<video preload="auto"><source src="${at('video-source')}"></video>
<input type="image" src="${at('input-image')}" alt="go">
<table background="${at('table-background')}"><tr><td>cell</td></tr></table>
<div style="background: url(${at('inline-style')})">styled</div>
<iframe src="${at('iframe')}"></iframe>
<object data="${at('object')}"></object>
<embed src="${at('embed')}">
<svg width="20" height="20" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
  <image href="${at('svg-image-href')}" width="10" height="10"/>
  <image xlink:href="${at('svg-image-xlink')}" width="10" height="10"/>
  <use href="${at('svg-use')}#shape"/>
  <rect width="5" height="5" fill="url(${at('svg-fill')}#paint)" filter="url(${at('svg-filter')}#f)"/>
  <filter id="local"><feImage href="${at('svg-feimage')}"/></filter>
</svg>
<a href="${origin}/followed-only-when-clicked" ping="${at('a-ping')}">a link</a>
</body></html>`;
}

/** Kinds in the page above, for reports. */
export const HOSTILE_KIND_PREFIX = '/kind-';
