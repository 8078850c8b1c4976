/**
 * A small gazetteer: the places a supplier or a listed entity names, under one id whatever the spelling
 * (Uyghur-derived, Mandarin pinyin, older romanisations, Chinese), with each place's parent so that a county
 * agrees with its prefecture and a prefecture with Xinjiang. Prefectures and counties of the Uyghur Region
 * are listed in full detail because that is where listed entities are; elsewhere provinces, large
 * manufacturing cities and sourcing countries are enough to tell "a parent elsewhere" from the listed unit.
 */
export type PlaceLevel = 'country' | 'province' | 'prefecture' | 'county';

export interface Place {
  id: string;
  label: string;
  level: PlaceLevel;
  parent?: string;
}

interface PlaceEntry extends Place {
  /** Latin spellings (any case; spaces allowed) and Chinese names, without 市/县/地区 endings. */
  names: string[];
}

const xinjiang = (id: string, label: string, level: PlaceLevel, names: string[], parent = 'xinjiang') => ({
  id,
  label,
  level,
  parent,
  names,
});

const ENTRIES: PlaceEntry[] = [
  { id: 'china', label: 'China', level: 'country', names: ['china', 'prc', 'cn', '中国', '中华人民共和国'] },
  xinjiang(
    'xinjiang',
    'Xinjiang',
    'province',
    [
      'xinjiang',
      'xuar',
      'xj',
      'uyghur region',
      'uighur region',
      'east turkistan',
      '新疆',
      '新疆维吾尔自治区',
    ],
    'china',
  ),
  // Prefectures and prefecture-level cities.
  xinjiang('hotan', 'Hotan', 'prefecture', ['hotan', 'hetian', 'khotan', 'hotian', '和田']),
  xinjiang('kashgar', 'Kashgar', 'prefecture', ['kashgar', 'kashi', 'kaxgar', 'qeshqer', 'kashkar', '喀什']),
  xinjiang('aksu', 'Aksu', 'prefecture', ['aksu', 'akesu', 'aqsu', '阿克苏']),
  xinjiang('turpan', 'Turpan', 'prefecture', ['turpan', 'turfan', 'tulufan', '吐鲁番']),
  xinjiang('urumqi', 'Urumqi', 'prefecture', ['urumqi', 'urumchi', 'wulumuqi', 'urumuqi', '乌鲁木齐']),
  xinjiang('bayingolin', 'Bayingolin', 'prefecture', [
    'bayingolin',
    'bayinguoleng',
    'bazhou',
    '巴音郭楞',
    '巴州',
  ]),
  xinjiang('ili', 'Ili', 'prefecture', ['ili', 'yili', '伊犁']),
  xinjiang('changji', 'Changji', 'prefecture', ['changji', '昌吉']),
  xinjiang('karamay', 'Karamay', 'prefecture', ['karamay', 'kelamayi', 'qaramay', '克拉玛依']),
  xinjiang('hami', 'Hami', 'prefecture', ['hami', 'kumul', 'qumul', '哈密']),
  xinjiang('kizilsu', 'Kizilsu', 'prefecture', [
    'kizilsu',
    'kezilesu',
    'kezhou',
    'qizilsu',
    '克孜勒苏',
    '克州',
  ]),
  xinjiang('bortala', 'Bortala', 'prefecture', ['bortala', 'boertala', '博尔塔拉']),
  xinjiang('tacheng', 'Tacheng', 'prefecture', ['tacheng', 'chuguchak', 'qoqek', '塔城']),
  xinjiang('altay', 'Altay', 'prefecture', ['altay', 'aletai', 'altai', '阿勒泰']),
  xinjiang('shihezi', 'Shihezi', 'prefecture', ['shihezi', '石河子']),
  // Counties and county-level cities, under their prefecture.
  xinjiang('lop', 'Lop', 'county', ['lop', 'luopu', 'lopu', '洛浦'], 'hotan'),
  xinjiang('karakax', 'Karakax', 'county', ['karakax', 'moyu', 'qaraqash', '墨玉'], 'hotan'),
  xinjiang('guma', 'Guma', 'county', ['guma', 'pishan', '皮山'], 'hotan'),
  xinjiang('keriya', 'Keriya', 'county', ['keriya', 'yutian', '于田'], 'hotan'),
  xinjiang('qira', 'Qira', 'county', ['qira', 'cele', 'chira', '策勒'], 'hotan'),
  xinjiang('niya', 'Niya', 'county', ['niya', 'minfeng', '民丰'], 'hotan'),
  xinjiang('kunyu', 'Kunyu', 'county', ['kunyu', '昆玉'], 'hotan'),
  xinjiang('yarkant', 'Yarkant', 'county', ['yarkant', 'yarkand', 'shache', '莎车'], 'kashgar'),
  xinjiang('kargilik', 'Kargilik', 'county', ['kargilik', 'yecheng', 'qaghiliq', '叶城'], 'kashgar'),
  xinjiang('maralbexi', 'Maralbexi', 'county', ['maralbexi', 'bachu', '巴楚'], 'kashgar'),
  xinjiang('peyziwat', 'Peyziwat', 'county', ['peyziwat', 'peyzawat', 'jiashi', '伽师'], 'kashgar'),
  xinjiang('poskam', 'Poskam', 'county', ['poskam', 'zepu', '泽普'], 'kashgar'),
  xinjiang('yopurga', 'Yopurga', 'county', ['yopurga', 'yuepuhu', '岳普湖'], 'kashgar'),
  xinjiang('makit', 'Makit', 'county', ['makit', 'maigaiti', '麦盖提'], 'kashgar'),
  xinjiang('shufu', 'Shufu', 'county', ['shufu', 'konasheher', '疏附'], 'kashgar'),
  xinjiang('shule', 'Shule', 'county', ['shule', 'yengisheher', '疏勒'], 'kashgar'),
  xinjiang('yengisar', 'Yengisar', 'county', ['yengisar', 'yingjisha', '英吉沙'], 'kashgar'),
  xinjiang('tumxuk', 'Tumxuk', 'county', ['tumxuk', 'tumushuke', '图木舒克'], 'kashgar'),
  xinjiang('kuqa', 'Kuqa', 'county', ['kuqa', 'kuche', 'kucha', '库车'], 'aksu'),
  xinjiang('awat', 'Awat', 'county', ['awat', 'awati', '阿瓦提'], 'aksu'),
  xinjiang('onsu', 'Onsu', 'county', ['onsu', 'wensu', '温宿'], 'aksu'),
  xinjiang('xayar', 'Xayar', 'county', ['xayar', 'shaya', '沙雅'], 'aksu'),
  xinjiang('toksu', 'Toksu', 'county', ['toksu', 'xinhe', '新和'], 'aksu'),
  xinjiang('bay', 'Bay', 'county', ['baicheng', '拜城'], 'aksu'),
  xinjiang('uchturpan', 'Uchturpan', 'county', ['uchturpan', 'wushi', '乌什'], 'aksu'),
  xinjiang('alar', 'Alar', 'county', ['alar', 'aral', 'alaer', '阿拉尔'], 'aksu'),
  xinjiang('korla', 'Korla', 'county', ['korla', 'kuerle', 'kurla', '库尔勒'], 'bayingolin'),
  xinjiang('lopnur', 'Yuli', 'county', ['yuli', 'lopnur', '尉犁'], 'bayingolin'),
  xinjiang('bugur', 'Luntai', 'county', ['luntai', 'bugur', '轮台'], 'bayingolin'),
  xinjiang('hejing', 'Hejing', 'county', ['hejing', '和静'], 'bayingolin'),
  xinjiang('yanqi', 'Yanqi', 'county', ['yanqi', 'qarashahar', '焉耆'], 'bayingolin'),
  xinjiang('tiemenguan', 'Tiemenguan', 'county', ['tiemenguan', '铁门关'], 'bayingolin'),
  xinjiang('yining', 'Yining', 'county', ['yining', 'ghulja', 'gulja', 'kulja', '伊宁'], 'ili'),
  xinjiang('kuytun', 'Kuytun', 'county', ['kuytun', 'kuitun', '奎屯'], 'ili'),
  xinjiang('kokdala', 'Kokdala', 'county', ['kokdala', 'kekedala', '可克达拉'], 'ili'),
  xinjiang('wusu', 'Wusu', 'county', ['wusu', '乌苏'], 'tacheng'),
  xinjiang('shawan', 'Shawan', 'county', ['shawan', '沙湾'], 'tacheng'),
  xinjiang('manas', 'Manas', 'county', ['manas', 'manasi', '玛纳斯'], 'changji'),
  xinjiang('hutubi', 'Hutubi', 'county', ['hutubi', '呼图壁'], 'changji'),
  xinjiang('fukang', 'Fukang', 'county', ['fukang', '阜康'], 'changji'),
  xinjiang('jimsar', 'Jimsar', 'county', ['jimsar', 'jimusaer', '吉木萨尔'], 'changji'),
  xinjiang('wujiaqu', 'Wujiaqu', 'county', ['wujiaqu', '五家渠'], 'changji'),
  xinjiang('midong', 'Midong', 'county', ['midong', '米东'], 'urumqi'),
  xinjiang('toksun', 'Toksun', 'county', ['toksun', 'tuokexun', '托克逊'], 'turpan'),
  xinjiang('pichan', 'Pichan', 'county', ['pichan', 'shanshan', '鄯善'], 'turpan'),
  xinjiang('atush', 'Atush', 'county', ['atush', 'atushi', 'artux', '阿图什'], 'kizilsu'),
  xinjiang('bole', 'Bole', 'county', ['bole', '博乐'], 'bortala'),
  xinjiang('shuanghe', 'Shuanghe', 'county', ['shuanghe', '双河'], 'bortala'),
  xinjiang('beitun', 'Beitun', 'county', ['beitun', '北屯'], 'altay'),
  ...provinces(),
  ...countries(),
];

/** Provinces and the manufacturing cities parents of listed units are often registered in. */
function provinces(): PlaceEntry[] {
  const province = (id: string, names: string[], cities: [string, string[]][] = []): PlaceEntry[] => [
    { id, label: capitalise(id), level: 'province', parent: 'china', names: [id, ...names] },
    ...cities.map(([city, cityNames]) => ({
      id: city,
      label: capitalise(city),
      level: 'prefecture' as const,
      parent: id,
      names: [city, ...cityNames],
    })),
  ];
  return [
    ...province('beijing', ['peking', '北京']),
    ...province('shanghai', ['上海']),
    ...province('tianjin', ['天津']),
    ...province('chongqing', ['重庆']),
    ...province(
      'guangdong',
      ['广东'],
      [
        ['guangzhou', ['canton', '广州']],
        ['shenzhen', ['深圳']],
        ['dongguan', ['东莞']],
        ['foshan', ['佛山']],
      ],
    ),
    ...province(
      'zhejiang',
      ['浙江'],
      [
        ['hangzhou', ['杭州']],
        ['ningbo', ['宁波']],
        ['shaoxing', ['绍兴']],
        ['wenzhou', ['温州']],
        ['jiaxing', ['嘉兴']],
        ['huzhou', ['湖州']],
      ],
    ),
    ...province(
      'jiangsu',
      ['江苏'],
      [
        ['nanjing', ['南京']],
        ['suzhou', ['苏州']],
        ['wuxi', ['无锡']],
        ['changzhou', ['常州']],
        ['nantong', ['南通']],
        ['yancheng', ['盐城']],
      ],
    ),
    ...province(
      'shandong',
      ['山东'],
      [
        ['qingdao', ['青岛']],
        ['jinan', ['济南']],
        ['yantai', ['烟台']],
        ['weifang', ['潍坊']],
        ['zibo', ['淄博']],
        ['jining', ['济宁']],
        ['binzhou', ['滨州']],
      ],
    ),
    ...province(
      'hebei',
      ['河北'],
      [
        ['shijiazhuang', ['石家庄']],
        ['baoding', ['保定']],
      ],
    ),
    ...province('henan', ['河南'], [['zhengzhou', ['郑州']]]),
    ...province('anhui', ['安徽'], [['hefei', ['合肥']]]),
    ...province('hubei', ['湖北'], [['wuhan', ['武汉']]]),
    ...province('hunan', ['湖南'], [['changsha', ['长沙']]]),
    ...province(
      'fujian',
      ['福建'],
      [
        ['xiamen', ['厦门']],
        ['fuzhou', ['福州']],
        ['quanzhou', ['jinjiang', '泉州', '晋江']],
      ],
    ),
    ...province('shaanxi', ['陕西', '西安']),
    ...province('shanxi', ['山西']),
    ...province('gansu', ['甘肃'], [['lanzhou', ['兰州']]]),
    ...province('ningxia', ['宁夏'], [['yinchuan', ['银川']]]),
    ...province('qinghai', ['青海']),
    ...province('inner mongolia', ['neimenggu', '内蒙古']),
    ...province('liaoning', ['辽宁'], [['dalian', ['大连']]]),
    ...province('jilin', ['吉林']),
    ...province('heilongjiang', ['黑龙江']),
    ...province('sichuan', ['四川'], [['chengdu', ['成都']]]),
    ...province('yunnan', ['云南']),
    ...province('guizhou', ['贵州']),
    ...province('guangxi', ['广西']),
    ...province('hainan', ['海南']),
    ...province('jiangxi', ['江西']),
    ...province('hong kong', ['hongkong', 'hk', '香港']),
    ...province('macau', ['macao', '澳门']),
  ];
}

/** Sourcing countries by English name and ISO code, so a facility abroad is "elsewhere". */
function countries(): PlaceEntry[] {
  const list: [string, string[]][] = [
    ['vietnam', ['viet nam', 'vn', '越南']],
    ['bangladesh', ['bd']],
    ['cambodia', ['kh']],
    ['india', ['in']],
    ['pakistan', ['pk']],
    ['turkey', ['turkiye', 'tr']],
    ['indonesia', ['id']],
    ['myanmar', ['burma', 'mm']],
    ['sri lanka', ['lk']],
    ['thailand', ['th']],
    ['malaysia', ['my']],
    ['taiwan', ['tw', '台湾']],
    ['united states', ['usa', 'us']],
    ['mexico', ['mx']],
    ['egypt', ['eg']],
    ['ethiopia', ['et']],
    ['portugal', ['pt']],
    ['italy', ['it']],
    ['uzbekistan', ['uz']],
    ['kazakhstan', ['kz']],
    ['japan', ['jp']],
    ['south korea', ['korea', 'kr']],
  ];
  return list.map(([id, names]) => ({ id, label: capitalise(id), level: 'country', names: [id, ...names] }));
}

function capitalise(text: string): string {
  return text.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

export const PLACES: ReadonlyMap<string, Place> = new Map(
  ENTRIES.map(({ id, label, level, parent }) => [id, { id, label, level, parent }]),
);

/** Two-letter country codes are read only in a country column, never inside a name or address (IN, IT, MY). */
const COUNTRY_CODE = /^[a-z]{2}$/;

/**
 * County names that are also common firm names in pinyin (鑫和 Xinhe, 富康 Fukang): in Latin script they would
 * swallow a firm's distinctive word, so only their Chinese spelling counts as a place.
 */
const LATIN_NAMES_SHARED_WITH_FIRMS = new Set(['xinhe', 'fukang', 'shuanghe', 'hejing', 'shawan', 'bole']);

/** Latin spelling (space-separated lower-case words) -> place id. */
export const LATIN_PLACE_NAMES: ReadonlyMap<string, string> = new Map(
  ENTRIES.flatMap((entry) =>
    entry.names
      .filter(
        (name) =>
          !/[\u4e00-\u9fff]/.test(name) &&
          !(entry.level === 'country' && COUNTRY_CODE.test(name)) &&
          !LATIN_NAMES_SHARED_WITH_FIRMS.has(name),
      )
      .map((name) => [name.replace(/'/g, ''), entry.id] as [string, string]),
  ),
);

/** Chinese name -> place id, longest first so 新疆维吾尔自治区 wins over 新疆. */
export const CHINESE_PLACE_NAMES: readonly [string, string][] = ENTRIES.flatMap((entry) =>
  entry.names
    .filter((name) => /[\u4e00-\u9fff]/.test(name))
    .map((name) => [name, entry.id] as [string, string]),
).sort((a, b) => b[0].length - a[0].length);

/** A country cell: an ISO code or a name. */
export function countryPlace(cell: string): string | undefined {
  const key = cell.trim().toLowerCase();
  if (!key) return undefined;
  const entry = ENTRIES.find((candidate) => candidate.level === 'country' && candidate.names.includes(key));
  return entry?.id;
}

/** The place and its ancestors, nearest first. */
export function lineage(id: string): string[] {
  const chain: string[] = [];
  for (let current: string | undefined = id; current; current = PLACES.get(current)?.parent) {
    chain.push(current);
  }
  return chain;
}

/** The nearest place both lie in (one of them, when one contains the other), or undefined if they are apart. */
export function sharedPlace(a: string, b: string): string | undefined {
  const aLine = lineage(a);
  const bLine = lineage(b);
  if (aLine.includes(b)) return b;
  if (bLine.includes(a)) return a;
  return undefined;
}
