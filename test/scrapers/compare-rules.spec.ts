import { compareHtml, compareVersions, extractFromText } from '../../scrapers';

const page = (paragraphs: string[], title = 'Sourcing policy'): string =>
  `<html lang="en"><head><title>${title}</title></head><body><main>${paragraphs
    .map((text) => `<p>${text}</p>`)
    .join('')}</main></body></html>`;

const BASE = [
  'Acme Apparel sells clothes in 30 countries.',
  'We prohibit sourcing cotton from Xinjiang at every tier of our supply chain.',
  'Our suppliers are audited every year.',
];

describe('compareVersions and compareHtml', () => {
  it('reports no change for identical pages', () => {
    const result = compareHtml(page(BASE), page(BASE));
    expect(result).toMatchObject({ changed: false, significance: 'none', score: 0, added: [], removed: [] });
  });

  it('does not flag a change that only moves paragraphs', () => {
    expect(compareHtml(page(BASE), page([...BASE].reverse())).significance).toBe('none');
  });

  it('flags a page that now answers 404 as major, whatever its text', () => {
    const result = compareHtml(page(BASE), page(BASE), { oldStatus: 200, newStatus: 404 });
    expect(result.significance).toBe('major');
    expect(result.reasons.join(' ')).toContain('404');
  });

  it('treats 410 like 404', () => {
    expect(compareHtml(page(BASE), page(BASE), { newStatus: 410 }).significance).toBe('major');
  });

  it('reports the removed sentence and its terms when a statement disappears', () => {
    const result = compareHtml(page(BASE), page([BASE[0], BASE[2]]));
    expect(result.significance).toBe('major');
    expect(result.removed).toEqual([BASE[1]]);
    expect(result.terms).toEqual(expect.arrayContaining(['xinjiang', 'cotton']));
    expect(result.score).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps a minor change below every major score', () => {
    const minor = compareHtml(page(BASE), page([...BASE, 'We opened a new store in Lyon.']));
    expect(minor.significance).toBe('minor');
    expect(minor.score).toBeGreaterThan(0);
    expect(minor.score).toBeLessThan(0.6);
  });

  it('treats a number change next to the region as major but masks a date elsewhere', () => {
    const deadline = (year: number) => `We will exit all suppliers in Xinjiang by ${year}.`;
    expect(compareHtml(page([deadline(2025)]), page([deadline(2030)])).significance).toBe('major');
    const updated = (date: string) => [...BASE, `Page updated ${date}.`];
    expect(compareHtml(page(updated('1 May 2024')), page(updated('12 June 2025'))).significance).toBe('none');
  });

  it('reads a prohibition turned into hedging as major even when the sentence stays similar', () => {
    const before = 'We prohibit cotton from Xinjiang in our supply chain.';
    const after = 'We seek to reduce cotton from Xinjiang in our supply chain where possible.';
    const result = compareHtml(page([before]), page([after]));
    expect(result.significance).toBe('major');
  });

  it('treats a typo fix in a statement as minor', () => {
    const before = 'We prohibit sourcing cotton from Xinjiang at every tier of our suply chain.';
    expect(compareHtml(page([before, BASE[0]]), page([BASE[1], BASE[0]])).significance).toBe('minor');
  });

  it('compares pages rendered as text the same way as HTML', () => {
    const oldPage = extractFromText(`Sourcing\n${BASE.join('\n')}`);
    const newPage = extractFromText(`Sourcing\n${BASE[0]}\n${BASE[2]}`);
    expect(compareVersions(oldPage, newPage).significance).toBe('major');
  });

  it('does not read a not-found page as new when the old one was not found either', () => {
    const missing = page(['Sorry, we could not find that page.'], 'Page not found');
    expect(compareHtml(missing, missing).significance).toBe('none');
  });

  it('scopes both versions to a selector', () => {
    const withAside = (aside: string) =>
      `<body><div class="policy"><p>${BASE[1]}</p></div><div class="other"><p>${aside}</p></div></body>`;
    const result = compareHtml(withAside('One text.'), withAside('Another text entirely.'), {
      selector: '.policy',
    });
    expect(result.significance).toBe('none');
  });
});
