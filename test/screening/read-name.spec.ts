import { isPinyinWord } from '../../src/screening/matching/pinyin-syllables';
import { addressPlaces, profileName } from '../../src/screening/matching/profile';

describe('reading a supplier or entity name', () => {
  it('sets apart legal suffixes, places and trade in English, Chinese and pinyin alike', () => {
    const english = profileName('Hotan Huamei Textile Co., Ltd.');
    const chinese = profileName('和田华美纺织有限公司');
    const pinyin = profileName('Hetian Hua Mei Fang Zhi You Xian Gong Si');
    for (const name of [english, chinese, pinyin]) {
      expect(name.compact).toBe('huamei');
      expect(name.places).toEqual(['hotan']);
      expect(name.lines.map((entry) => entry.line)).toEqual(['textile']);
    }
  });

  it('folds full-width letters, accents, "&" and abbreviations', () => {
    expect(profileName('ＨＯＴＡＮ　ＨＵＡＭＥＩ　ＴＥＸＴＩＬＥ').compact).toBe('huamei');
    expect(profileName('Ürümqi Xinlong Knitting Mfg. & Trading Intl').places).toEqual(['urumqi']);
    expect(profileName('Ürümqi Xinlong Knitting Mfg. & Trading Intl').compact).toBe('xinlong');
  });

  it('reads the Corps under all its names, with its division number', () => {
    expect(profileName('新疆生产建设兵团第十四师').core).toEqual(['xpcc']);
    expect(profileName('新疆生产建设兵团第十四师').numbers).toEqual(['14']);
    expect(profileName('XPCC 14th Division').numbers).toEqual(['14']);
    expect(profileName('Xinjiang Production & Construction Corps').core).toEqual(['xpcc']);
  });

  it('does not place a facility in a city a street or park is named after', () => {
    expect(addressPlaces('No. 8 Beijing West Road, Hotan City, Xinjiang')).toEqual(['hotan', 'xinjiang']);
    expect(addressPlaces('喀什市上海路8号')).toEqual(['kashgar']);
    expect(addressPlaces('Beijing Industrial Park, Lop County')).toEqual(['lop']);
  });

  it('knows a pinyin name from a typo', () => {
    expect(isPinyinWord('hongyuan')).toBe(true);
    expect(isPinyinWord('hongyun')).toBe(true);
    expect(isPinyinWord('xinlonng')).toBe(false);
    expect(isPinyinWord('golden')).toBe(false);
  });
});
