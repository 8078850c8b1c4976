import { extractFromHtml, extractFromText, splitSentences } from '../../scrapers';

describe('extractFromHtml', () => {
  it('keeps the title, declared language and paragraphs, one sentence per paragraph', () => {
    const page = extractFromHtml(
      '<html lang="de-DE"><head><title> Einkauf </title></head><body><p>Erster Satz.</p><p>Zweiter Satz.</p></body></html>',
    );
    expect(page).toMatchObject({
      title: 'Einkauf',
      language: 'de',
      sentences: ['Erster Satz.', 'Zweiter Satz.'],
    });
  });

  it('drops scripts, styles, navigation, footers, cookie banners, carousels and product tiles', () => {
    const page = extractFromHtml(`<body>
      <script>var token = "abc";</script><style>p { color: red }</style>
      <div class="cookie-notice">We use cookies.</div>
      <nav><a href="/a">Shop</a><a href="/b">About</a></nav>
      <div class="hero-carousel"><div>Summer sale</div></div>
      <ul class="product-grid"><li class="productTile">Cotton tee</li></ul>
      <p>We publish our supplier list.</p>
      <footer>Copyright 2024</footer></body>`);
    expect(page.sentences).toEqual(['We publish our supplier list.']);
  });

  it('drops elements hidden by attribute, aria-hidden, inline style, hiding class or stylesheet', () => {
    const page = extractFromHtml(`<head><style>.gone { display: none }</style></head><body>
      <p hidden>A.</p><p aria-hidden="true">B.</p><p style="visibility:hidden">C.</p>
      <p class="d-none">D.</p><p class="gone">E.</p><p>Visible.</p></body>`);
    expect(page.sentences).toEqual(['Visible.']);
  });

  it('does not treat a stylesheet rule inside @media as hiding the content', () => {
    const page = extractFromHtml(
      '<head><style>@media print { .policy { display: none } }</style></head><body><p class="policy">Kept.</p></body>',
    );
    expect(page.sentences).toEqual(['Kept.']);
  });

  it('keeps long policy text in a container whose class merely contains "card"', () => {
    const text =
      'We prohibit forced labour in our supply chain and publish every audit we commission. '.repeat(5);
    const page = extractFromHtml(`<body><div class="content-card"><p>${text}</p></div></body>`);
    expect(page.mainText).toContain('We prohibit forced labour');
  });

  it('keeps a region statement that sits in a link list while dropping the other links', () => {
    const page = extractFromHtml(`<body><p>Our policies.</p><ul class="menu">
      <li><a href="/a">Careers</a></li><li><a href="/b">Our statement on Xinjiang</a></li></ul></body>`);
    expect(page.sentences).toEqual(['Our policies.', 'Our statement on Xinjiang']);
  });

  it('prefers <main> when it holds the content', () => {
    const page = extractFromHtml(
      '<body><div>Header text that is not marked up as such.</div><main><p>The policy itself, which is long enough to count as the content.</p></main></body>',
    );
    expect(page.sentences).toEqual(['The policy itself, which is long enough to count as the content.']);
  });

  it('keeps every paragraph and the region statement of a long page without semantic markup', () => {
    const links = Array.from({ length: 60 }, (_, i) => `<a href="/${i}">Link number ${i}</a>`).join(' ');
    const paragraphs = Array.from(
      { length: 30 },
      (_, i) => `<p>Paragraph ${i} explains how we work with suppliers and audit them every year.</p>`,
    ).join('');
    const page = extractFromHtml(
      `<body><div>${links}</div><div>${paragraphs}<p>We do not source cotton from Xinjiang.</p></div></body>`,
    );
    expect(page.sentences).toHaveLength(31);
    expect(page.sentences).toContain('We do not source cotton from Xinjiang.');
    expect(page.mainText).not.toContain('Link number');
  });

  it('scopes to a selector and reads as empty when the selector matches nothing', () => {
    const html = '<body><p>Outside.</p><section id="policy"><p>Inside.</p></section></body>';
    expect(extractFromHtml(html, { selector: '#policy' }).sentences).toEqual(['Inside.']);
    expect(extractFromHtml(html, { selector: '#missing' }).sentences).toEqual([]);
  });

  it('decodes entities, applies NFKC and collapses whitespace', () => {
    const page = extractFromHtml('<p>Caf&eacute;&nbsp;&amp;   ＡＢＣ &amp;amp; more</p>');
    expect(page.sentences).toEqual(['Café & ABC & more']);
  });

  it('makes headings and list items sentences of their own', () => {
    const page = extractFromHtml('<h2>Scope</h2><ul><li>Cotton</li><li>Yarn</li></ul>');
    expect(page.sentences).toEqual(['Scope', 'Cotton', 'Yarn']);
  });

  it('guesses the language when the markup does not declare it', () => {
    expect(extractFromHtml('<p>我们不从新疆采购棉花。</p>').language).toBe('zh');
    expect(extractFromHtml('<p>当社は新疆の綿花を使用していません。</p>').language).toBe('ja');
    expect(
      extractFromHtml('<p>Wir beziehen keine Baumwolle und die Lieferkette ist transparent.</p>').language,
    ).toBe('de');
  });
});

describe('splitSentences', () => {
  it('splits Latin text after terminal punctuation but not after abbreviations or before lowercase', () => {
    expect(splitSentences('We audit mills, e.g. spinners. Then we act! Is it done? Yes.')).toEqual([
      'We audit mills, e.g. spinners.',
      'Then we act!',
      'Is it done?',
      'Yes.',
    ]);
  });

  it('splits Chinese and Japanese at 。！？ without spaces', () => {
    expect(splitSentences('我们禁止强迫劳动。我们公布名单！')).toEqual([
      '我们禁止强迫劳动。',
      '我们公布名单！',
    ]);
  });

  it('keeps decimal numbers and dates whole', () => {
    expect(splitSentences('Version 2.5 applies from 01.02.2025. Next sentence.')).toEqual([
      'Version 2.5 applies from 01.02.2025.',
      'Next sentence.',
    ]);
  });
});

describe('extractFromText', () => {
  it('treats every line of rendered text as a block', () => {
    const page = extractFromText('Title line\nFirst sentence. Second sentence.\n\n', { language: 'en-GB' });
    expect(page).toMatchObject({
      language: 'en',
      sentences: ['Title line', 'First sentence.', 'Second sentence.'],
    });
  });

  it('re-joins wrapped and hyphenated lines of PDF text', () => {
    const page = extractFromText('We require all sup-\npliers to map\ntheir mills.\n\nNew paragraph.', {
      lineBreaks: 'soft',
    });
    expect(page.sentences).toEqual(['We require all suppliers to map their mills.', 'New paragraph.']);
  });
});
