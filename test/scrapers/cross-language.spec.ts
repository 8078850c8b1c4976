import {
  crossLanguageInconsistency,
  extractFromText,
  regionStance,
  type LanguageVersion,
} from '../../scrapers';

const version = (language: string, text: string): LanguageVersion => ({
  id: language,
  url: `https://brand.example/${language}/sourcing`,
  language,
  page: extractFromText(text),
});

const EN = version(
  'en',
  'Our sourcing\nWe do not source cotton from the Xinjiang Uyghur Autonomous Region.\nWe opened 12 stores this year.',
);

describe('one statement in several languages', () => {
  it.each([
    ['en', 'We do not source cotton from the Xinjiang Uyghur Autonomous Region.', 'firm'],
    ['fr', 'Nous ne nous approvisionnons pas en coton du Xinjiang.', 'firm'],
    ['zh', '我们不从新疆采购棉花。', 'firm'],
    ['zh', '我们尽量减少从新疆采购棉花。', 'softened'],
    ['de', 'Wir beziehen Baumwolle aus bestimmten Regionen mit hohem Risiko nur nach Prüfung.', 'silent'],
    ['zh', '我们将继续采购新疆棉花，支持当地发展。', 'unqualified'],
    ['ja', '当社は新疆ウイグル自治区の綿を一切調達しません。', 'firm'],
  ])('reads the %s sentence "%s" as %s', (language, text, stance) => {
    expect(regionStance(version(language, text).page).stance).toBe(stance);
  });

  it('finds nothing wrong when every language keeps the statement', () => {
    const zh = version('zh', '我们不从新疆维吾尔自治区采购棉花。');
    const fr = version('fr', 'Nous ne nous approvisionnons pas en coton de la région ouïghoure du Xinjiang.');
    expect(crossLanguageInconsistency([zh, EN, fr])).toBeUndefined();
  });

  it('names both pages when the Chinese page drops the statement the English one keeps', () => {
    const zh = version('zh', '我们的门店\n我们今年新开了十二家门店。');
    const verdict = crossLanguageInconsistency([zh, EN]);
    expect(verdict).toMatchObject({
      kept: { language: 'en' },
      departed: { language: 'zh' },
      departedStance: 'silent',
    });
    expect(verdict?.reason).toContain(EN.url);
    expect(verdict?.reason).toContain(zh.url);
    expect(verdict?.reason).toContain('drops');
  });

  it('tells a softened and a contradicting version apart', () => {
    const softened = version('zh', '我们尽量减少从新疆采购棉花。');
    const contradicting = version('zh', '我们将继续采购新疆棉花，支持当地发展。');
    expect(crossLanguageInconsistency([softened, EN])?.reason).toContain('softens');
    expect(crossLanguageInconsistency([contradicting, EN])?.reason).toContain('contradicts');
  });

  it('raises nothing when no version makes a firm statement', () => {
    expect(
      crossLanguageInconsistency([version('zh', '我们今年新开了门店。'), version('en', 'We opened stores.')]),
    ).toBeUndefined();
  });
});
