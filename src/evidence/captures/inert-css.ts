/**
 * CSS that can load nothing: every `url(...)` other than a data: URL or a fragment of the page itself
 * (`url(#gradient)` in SVG), every `image-set()`, `src()` and
 * `@import` is renamed to something no browser knows (`x-inert-url(`, `@x-inert-import`), so the declaration
 * or rule is dropped as invalid while the text stays readable for anyone studying the copy. Renaming rather
 * than parsing the argument means an odd quote or a nested bracket cannot smuggle a URL past us.
 */
export function inertCss(css: string): string {
  return withoutLetterEscapes(css)
    .replace(/@import\b/gi, '@x-inert-import')
    .replace(/(?<![\w-])url\(\s*(?!["']?\s*(?:data:|#))/gi, 'x-inert-url(')
    .replace(/(?<![\w-])((?:-webkit-)?image-set|src)\(/gi, 'x-inert-$1(');
}

/**
 * CSS lets any character of a name be escaped (`\75 rl(` is `url(`, `\@import`): letters, brackets and `@`
 * written as escapes are decoded first so the renaming above sees them. Other escapes (quotes inside strings,
 * typographic quotes in `content:`) are left as they are.
 */
function withoutLetterEscapes(css: string): string {
  return css
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (escape: string, hex: string) => {
      const char = String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd);
      return /[a-z@(]/i.test(char) ? char : escape;
    })
    .replace(/\\([a-z@(])/gi, '$1');
}
