import { compareHtml, compareVersions, extractFromHtml, extractFromText } from '../../scrapers';

// Rules added while fixing the hold-out fixtures, each shown on the smallest page that needs it.
describe('extraction rules found by the hold-out fixtures', () => {
  it('keeps screen-reader-only text, which assistive tech and innerText both read', () => {
    const page = extractFromHtml(
      '<body><p>Status: <span class="visually-hidden">Yes</span><span class="sr-only">, in force.</span></p></body>',
    );
    expect(page.sentences).toEqual(['Status: Yes, in force.']);
  });

  it('reads a table row as one line, so a status cell is judged with the words of its row', () => {
    const table = (status: string): string =>
      `<body><table><tr><th>No sourcing from the Uyghur Region at any tier</th><td>${status}</td></tr></table></body>`;
    expect(extractFromHtml(table('Yes')).sentences).toEqual([
      'No sourcing from the Uyghur Region at any tier Yes',
    ]);
    expect(compareHtml(table('Yes'), table('No')).significance).toBe('major');
  });

  it('marks short unpunctuated lines of rendered text as labels unless they name the region', () => {
    const page = extractFromText(
      'Gift cards\nBag (2)\nNo cotton from Xinjiang\nPage not found\nWe repair knitwear.',
    );
    expect(page.labels).toEqual(['Gift cards', 'Bag (2)']);
    expect(page.sentences).toContain('Gift cards');
  });

  it('does not flag rendered text whose menu and tile labels changed', () => {
    const text = (labels: string): string =>
      `${labels}\nWe do not buy cotton from Xinjiang.\nOur mills are audited.`;
    const result = compareVersions(
      extractFromText(text('Women\nMen\nLinen Shirt\n£45')),
      extractFromText(text('Women\nMen\nSale\nCord Trousers\n£39')),
    );
    expect(result.significance).toBe('none');
  });

  it('still flags a new sentence of prose in rendered text', () => {
    const before = extractFromText('Women\nWe do not buy cotton from Xinjiang.');
    const after = extractFromText(
      'Women\nWe do not buy cotton from Xinjiang.\nWe now repair knitwear for free.',
    );
    expect(compareVersions(before, after).significance).toBe('minor');
  });
});
