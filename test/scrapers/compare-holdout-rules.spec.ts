import { compareHtml, extractFromHtml } from '../../scrapers';

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
});
