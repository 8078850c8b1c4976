import { toPinyin } from './romanise';

/**
 * The words of a company name that do not tell one firm from another: legal forms, what the firm does, and
 * generic business words, in English, Chinese and Hanyu Pinyin (names are often registered in pinyin:
 * "Fangzhi Youxian Gongsi" for 纺织有限公司). What remains after them and the places is the firm's own name.
 */

/** Lines of business. Two names in different sectors are different firms even when the rest agrees. */
export type Sector =
  'apparel' | 'food' | 'chemicals' | 'energy' | 'metals' | 'electronics' | 'hair' | 'footwear';

export interface LineOfBusiness {
  /** A finer class than the sector: textile mills and garment makers are sister firms, not one firm. */
  line: string;
  sector: Sector;
}

const line = (name: string, sector: Sector, words: string[]) =>
  words.map((word) => [word, { line: name, sector }]);

/** English and pinyin words (single, lower-case, joined without spaces) -> line of business. */
const WRITTEN_LATIN_LINES: ReadonlyMap<string, LineOfBusiness> = new Map(
  [
    line('textile', 'apparel', [
      'textile',
      'textiles',
      'spinning',
      'weaving',
      'knitting',
      'knitwear',
      'yarn',
      'yarns',
      'fabric',
      'fabrics',
      'dyeing',
      'linen',
      'wool',
      'fangzhi',
      'mianfang',
      'zhenzhi',
      'fangsha',
      'maofang',
      'shaxian',
      'zhizao',
      'yinran',
    ]),
    line('garment', 'apparel', [
      'garment',
      'garments',
      'apparel',
      'clothing',
      'clothes',
      'fashion',
      'wear',
      'fuzhuang',
      'fushi',
      'zhiyi',
    ]),
    line('cotton', 'apparel', ['cotton', 'ginning', 'zhahua']),
    line('footwear', 'footwear', ['footwear', 'shoes', 'shoe', 'xieye']),
    line('food', 'food', [
      'food',
      'foods',
      'agriculture',
      'agricultural',
      'dairy',
      'tomato',
      'tomatoes',
      'fruit',
      'jujube',
      'shipin',
      'nongye',
      'ruye',
      'fanqie',
    ]),
    line('chemical', 'chemicals', ['chemical', 'chemicals', 'pvc', 'huagong']),
    line('silicon', 'energy', ['silicon', 'polysilicon', 'solar', 'photovoltaic', 'pv', 'guiye']),
    line('energy', 'energy', ['energy', 'power', 'nengyuan']),
    line('metal', 'metals', ['aluminium', 'aluminum', 'metal', 'metals', 'steel', 'lvye']),
    line('electronics', 'electronics', ['electronics', 'electronic', 'dianzi']),
    line('hair', 'hair', ['hair', 'wigs', 'wig', 'fazhipin']),
  ].flat() as [string, LineOfBusiness][],
);

/** Chinese words for a line of business, longest first when matched. */
export const CHINESE_LINES: ReadonlyMap<string, LineOfBusiness> = new Map(
  [
    line('textile', 'apparel', [
      '纺织品',
      '棉纺织',
      '毛纺织',
      '纺织',
      '棉纺',
      '针织品',
      '针织',
      '纺纱',
      '色纺',
      '毛纺',
      '纱线',
      '织布',
      '织造',
      '印染',
      '化纤',
      '麻纺',
    ]),
    line('garment', 'apparel', ['服装服饰', '服装', '服饰', '制衣', '时装', '成衣']),
    line('cotton', 'apparel', ['棉制品', '棉业', '棉花', '棉麻', '轧花']),
    line('footwear', 'footwear', ['鞋业']),
    line('food', 'food', ['食品', '农业', '乳业', '乳品', '番茄', '果业', '红枣']),
    line('chemical', 'chemicals', ['化工', '化学']),
    line('silicon', 'energy', ['硅业', '多晶硅', '光伏', '新能源']),
    line('energy', 'energy', ['能源', '电力']),
    line('metal', 'metals', ['铝业', '有色金属', '钢铁']),
    line('electronics', 'electronics', ['电子']),
    line('hair', 'hair', ['发制品', '发饰', '假发']),
  ].flat() as [string, LineOfBusiness][],
);

/**
 * Legal forms and generic business words: they carry no identity. Latin ones are single words or pinyin
 * compounds written with or without spaces ("youxian gongsi", "youxiangongsi").
 */
const LATIN_GENERIC = [
  // legal forms
  'co',
  'company',
  'companies',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'plc',
  'lp',
  'group',
  'holding',
  'holdings',
  'jsc',
  'pvt',
  'private',
  'public',
  'joint',
  'stock',
  'share',
  'shares',
  'gmbh',
  'ag',
  'sa',
  // legal forms written with dots (S.A., S.R.L., L.L.C.) arrive as single letters
  's a',
  's r l',
  's p a',
  'l l c',
  'p l c',
  'b v',
  'bv',
  'srl',
  'spa',
  'youxian',
  'gongsi',
  'youxiangongsi',
  'gufen',
  'jituan',
  'zeren',
  // generic business words
  'industrial',
  'industry',
  'industries',
  'industrial park',
  'park',
  'trading',
  'trade',
  'commerce',
  'commercial',
  'business',
  'import',
  'export',
  'technology',
  'technologies',
  'tech',
  'science',
  'development',
  'developments',
  'investment',
  'international',
  'global',
  'enterprise',
  'enterprises',
  'manufacturing',
  'manufactory',
  'manufacturer',
  'manufacturers',
  'products',
  'product',
  'new',
  'material',
  'materials',
  'accessories',
  'accessory',
  'supply',
  'chain',
  'processing',
  'keji',
  'shiye',
  'maoyi',
  'shangmao',
  'gongmao',
  'jinchukou',
  'fazhan',
  'touzi',
  'konggu',
  'cailiao',
  'xincailiao',
  'gongye',
  'zhipin',
  'division',
  'regiment',
  'corps',
  'county',
  'city',
  'prefecture',
  'district',
  'region',
  'autonomous',
  'province',
  'town',
  'township',
  'village',
  'xian',
  'shi',
  'the',
  'of',
  'and',
  'no',
  'number',
];

/** Words that say a facility is a unit of a larger firm: kept as a reason, never as identity. */
const LATIN_UNIT_WORDS = [
  'branch',
  'factory',
  'plant',
  'mill',
  'mills',
  'workshop',
  'facility',
  'unit',
  'subsidiary',
  'site',
  'fengongsi',
  'gongchang',
];

export const CHINESE_GENERIC = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '总公司',
  '公司',
  '集团',
  '控股',
  '股份',
  '实业',
  '科技',
  '技术',
  '工贸',
  '商贸',
  '贸易',
  '进出口',
  '发展',
  '投资',
  '制品',
  '新材料',
  '材料',
  '工业园区',
  '工业园',
  '工业',
  '产业园',
  '维吾尔自治区',
  '自治区',
  '自治州',
  '地区',
  '省',
  '市',
  '县',
  '区',
  '镇',
  '乡',
  '村',
];

export const CHINESE_UNIT_WORDS = ['分公司', '分厂', '工厂', '厂', '车间', '基地'];

/**
 * The pinyin of each Chinese word above, so "Maofangzhi Youxian Gongsi" reads like 毛纺织有限公司. One-character
 * words are left out: a lone syllable (shi, xian, chang) is as likely part of a firm's own name.
 */
function romanised<T>(words: Iterable<[string, T]>): [string, T][] {
  return [...words].filter(([word]) => word.length > 1).map(([word, value]) => [toPinyin(word), value]);
}

export const LATIN_LINES: ReadonlyMap<string, LineOfBusiness> = new Map([
  ...romanised(CHINESE_LINES),
  ...WRITTEN_LATIN_LINES,
]);

export const LATIN_GENERIC_WORDS: ReadonlySet<string> = new Set([
  ...LATIN_GENERIC,
  ...romanised(CHINESE_GENERIC.map((word) => [word, true])).map(([word]) => word),
]);

export const LATIN_UNIT_NAMES: ReadonlySet<string> = new Set([
  ...LATIN_UNIT_WORDS,
  ...romanised(CHINESE_UNIT_WORDS.map((word) => [word, true])).map(([word]) => word),
]);

/** Abbreviations expanded before anything else, so "Mfg." and "Manufacturing" read the same. */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['mfg', 'manufacturing'],
  ['mfr', 'manufacturer'],
  ['manuf', 'manufacturing'],
  ['intl', 'international'],
  ['int', 'international'],
  ['ind', 'industrial'],
  ['inds', 'industries'],
  ['indus', 'industrial'],
  ['tex', 'textile'],
  ['txt', 'textile'],
  ['gmt', 'garment'],
  ['gmts', 'garments'],
  ['dev', 'development'],
  ['devt', 'development'],
  ['imp', 'import'],
  ['exp', 'export'],
  ['grp', 'group'],
  ['hldgs', 'holdings'],
  ['tech', 'technology'],
  ['sci', 'science'],
  ['chem', 'chemical'],
  ['agri', 'agriculture'],
  ['elec', 'electronics'],
  ['corpn', 'corporation'],
  ['cty', 'county'],
]);

/** Ordinals in words, for "First Division" beside "1st Division" and 第一师. */
export const ORDINAL_WORDS: ReadonlyMap<string, string> = new Map(
  [
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
    'eleventh',
    'twelfth',
    'thirteenth',
    'fourteenth',
  ].map((word, index) => [word, String(index + 1)]),
);

/** The Xinjiang Production and Construction Corps under all its names: an organisation, kept as identity. */
export const XPCC_TOKEN = 'xpcc';
export const XPCC_LATIN_PHRASES = [
  'xinjiang production and construction corps',
  'production and construction corps',
  'xinjiang production construction corps',
  'xpcc',
  'bingtuan',
];
export const XPCC_CHINESE = ['新疆生产建设兵团', '生产建设兵团', '兵团'];
