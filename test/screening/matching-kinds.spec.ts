import { compareSupplierWithEntity, profileEntity, profileSupplier } from '../../src/screening/matching';

/** Names we did not tune the matcher on (real listed names as the entity side, suppliers written by us). */
const entity = (name: string, address: string, extra: { nameZh?: string; aliases?: string[] } = {}) =>
  profileEntity({ id: 'entity', name, address, country: 'CN', ...extra });
const supplier = (name: string, address: string, country = 'CN') =>
  profileSupplier({ id: 'supplier', name, address, country });
const decide = (s: ReturnType<typeof supplier>, e: ReturnType<typeof entity>) =>
  compareSupplierWithEntity(s, e)?.decision ?? 'none';

describe('the matcher on names it was not written for', () => {
  it.each([
    [
      'Chinese against an English-only entry',
      '阿克苏华孚色纺有限公司',
      '新疆阿克苏地区阿克苏市',
      'Aksu Huafu Textiles Co., Ltd.',
      'Aksu',
    ],
    [
      'Apparel and Garment, Hotan and Hetian',
      'HOTAN TAIDA GARMENT CO.,LTD',
      'Hotan City, Xinjiang',
      'Hetian Taida Apparel Co., Ltd.',
      'Hotan',
    ],
    [
      'singular and plural',
      'Hotan Haolin Hair Accessory Company',
      'Hotan, XUAR',
      'Hetian Haolin Hair Accessories Co. Ltd.',
      'Hotan',
    ],
    [
      'Luopu and Lop County',
      'Luopu Meixin Hair Product Co Ltd',
      'Luopu County, Hetian',
      'Lop County Meixin Hair Products Co., Ltd.',
      'Lop County, Hotan',
    ],
    [
      'a unit under its group',
      'Esquel Group - Changji Esquel Textile',
      'Changji City, Xinjiang',
      'Changji Esquel Textile Co. Ltd.',
      'Changji, Xinjiang',
    ],
    [
      'Shanshan and Pichan',
      'Hoshine Silicon (Shanshan)',
      'Pichan County, Turpan',
      'Hoshine Silicon Industry (Shanshan) Co., Ltd.',
      'Shanshan, Turpan',
    ],
  ])('decides match: %s', (_kind, supplierName, supplierAddress, entityName, entityAddress) => {
    expect(decide(supplier(supplierName, supplierAddress), entity(entityName, entityAddress))).toBe('match');
  });

  it('judges each listed name with all the evidence, so an alias in the same trade wins over the parent', () => {
    const listed = entity('Huafu Fashion Co., Ltd.', 'Zhejiang', {
      aliases: ['Aksu Huafu Textiles Co., Ltd.'],
    });
    const candidate = compareSupplierWithEntity(supplier('Aksu Huafu Textile', 'Aksu, Xinjiang'), listed);
    expect(candidate?.decision).toBe('match');
    expect(candidate?.reasons).toContain('via the listed name "Aksu Huafu Textiles Co., Ltd."');
  });

  it.each([
    [
      'a sister elsewhere',
      'Shangyu Huafu Textiles',
      'Shaoxing, Zhejiang',
      'Aksu Huafu Textiles Co., Ltd.',
      'Aksu',
    ],
    [
      'the brand name abroad',
      'Taida Apparel Vietnam',
      'Ho Chi Minh City',
      'Hetian Taida Apparel Co., Ltd.',
      'Hotan',
    ],
    [
      'another trade elsewhere',
      'Zhongtai Garment Co Ltd',
      'Ningbo, Zhejiang',
      'Xinjiang Zhongtai Chemical Co., Ltd.',
      'Urumqi',
    ],
    [
      'a dairy sharing a place name',
      'Inner Mongolia Yili Industrial Group Co., Ltd.',
      'Hohhot, Inner Mongolia',
      'Yili Zhuowan Garment Manufacturing Co., Ltd.',
      'Yining, Ili',
    ],
    ['a firm sharing only the town', 'Hotan Dairy Co', 'Hotan', 'Hetian Taida Apparel Co., Ltd.', 'Hotan'],
  ])('does not decide match: %s', (_kind, supplierName, supplierAddress, entityName, entityAddress) => {
    expect(decide(supplier(supplierName, supplierAddress), entity(entityName, entityAddress))).not.toBe(
      'match',
    );
  });
});
