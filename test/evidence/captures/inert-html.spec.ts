import { parseHTML } from 'linkedom';
import { inertHtml } from '../../../src/evidence/captures/inert-html';
import { hostilePage } from './hostile-page';

const CANARY = 'https://canary.example';

/** Every place the canary's origin is still named in the served copy, except where it loads nothing. */
function liveReferences(served: string): string[] {
  const { document } = parseHTML(served);
  const live: string[] = [];
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const tag = element.localName.toLowerCase();
    for (const { name, value } of Array.from(element.attributes)) {
      if (!value.includes(CANARY)) continue;
      const inert =
        name.startsWith('data-archived-') ||
        (name === 'href' && (tag === 'a' || tag === 'area')) ||
        !new RegExp(`(?<!x-inert-)(url|image-set)\\(\\s*["']?${CANARY}`).test(value);
      if (!inert) live.push(`<${tag} ${name}="${value}">`);
    }
  }
  for (const style of Array.from(document.querySelectorAll('style'))) {
    const css = style.textContent ?? '';
    for (const match of css.matchAll(/(@[\w-]*import|[\w-]*url\(|[\w-]*image-set\()[^;]*/gi)) {
      if (match[0].includes(CANARY) && !match[1].startsWith('@x-inert-') && !match[1].startsWith('x-inert-'))
        live.push(match[0]);
    }
  }
  return live;
}

describe('inertHtml', () => {
  it('removes scripts, frames, plugins, base and meta refresh but keeps the text and styles', () => {
    const served = inertHtml(`<html><head><base href="https://evil.example/">
      <meta http-equiv="Refresh" content="0;url=https://evil.example"><style>p{color:red}</style>
      <script>steal()</script></head><body><p>We do not source from the region.</p>
      <iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="y">
      <noscript><img src="https://tracker.example/pixel"></noscript><svg><script>1</script></svg></body></html>`);

    expect(served).toContain('We do not source from the region.');
    expect(served).toContain('<style>p{color:red}</style>');
    expect(served).not.toMatch(/<(script|iframe|object|embed|base|noscript)\b/i);
    expect(served).not.toMatch(/refresh/i);
  });

  it('removes event handlers and javascript: URLs, however they are spelt', () => {
    const served = inertHtml(
      '<body onload="x()"><a href=" java\tscript:alert(1)" onclick="y()">a</a>' +
        '<img src="logo.png" ONERROR="z()"><form action="vbscript:q"><button formaction="JavaScript:w">b</button></form></body>',
    );

    expect(served).not.toMatch(/on(load|click|error)=/i);
    expect(served).not.toMatch(/script:/i);
    expect(served).toContain('data-archived-src="logo.png"');
  });

  // Issue 15: images, stylesheets, @import, media and SVG references still pointed at the original site.
  it('leaves no reference that loads anything: every kind of subresource is disabled or archived', () => {
    const served = inertHtml(hostilePage(CANARY));
    expect(liveReferences(served)).toEqual([]);
    expect(served).not.toMatch(/<(link|iframe|object|embed)\b/i);
    expect(served).toContain(`data-archived-src="${CANARY}/kind-img-src"`);
    expect(served).toContain(`href="${CANARY}/followed-only-when-clicked">a link</a>`);
    expect(served).not.toMatch(/\sping=/);
    expect(served).toContain('src="data:image/gif;base64,');
    expect(served).toContain('We do not source cotton from the region.');
  });

  it('keeps references inside the page itself (SVG fragments) and styles without URLs', () => {
    const served = inertHtml(
      '<style>p { color: red }</style><svg><use href="#shape"/><rect fill="url(#paint)"/></svg>',
    );
    expect(served).toContain('<style>p { color: red }</style>');
    expect(served).toContain('href="#shape"');
    expect(served).toContain('fill="url(#paint)"');
  });

  it('wraps a fragment into a whole page', () => {
    expect(inertHtml('<p>Just a paragraph</p>')).toMatch(
      /^<!DOCTYPE html>\n<html>.*<body><p>Just a paragraph<\/p><\/body><\/html>$/s,
    );
  });
});
