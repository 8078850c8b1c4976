import { inertHtml } from '../../../src/evidence/captures/inert-html';

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
    expect(served).toContain('src="logo.png"');
  });

  it('wraps a fragment into a whole page', () => {
    expect(inertHtml('<p>Just a paragraph</p>')).toMatch(
      /^<!DOCTYPE html>\n<html>.*<body><p>Just a paragraph<\/p><\/body><\/html>$/s,
    );
  });
});
