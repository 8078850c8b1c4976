/**
 * What bot-protection services put on the pages they answer instead of the site's own, by vendor. Sources:
 * the vendors' own challenge and block pages as served to scripted clients (Cloudflare's "Just a moment..."
 * and Turnstile interstitials, Akamai's "Access Denied ... Reference #", HUMAN/PerimeterX's "Press & Hold",
 * DataDome's captcha-delivery.com frame, Imperva/Incapsula's incident pages). Markers are matched against
 * folded text (see `foldForMatch`: lowercase, no accents, dashes and underscores as spaces).
 */
export type BotWallVendor =
  'cloudflare' | 'akamai' | 'perimeterx' | 'datadome' | 'imperva' | 'rate_limit' | 'generic';

export interface VendorMarkers {
  vendor: Exclude<BotWallVendor, 'rate_limit' | 'generic'>;
  /** Response header names (lowercase) only this vendor sends. */
  headers: readonly string[];
  /** Cookie names (prefixes, lowercase) only this vendor sets. */
  cookies: readonly string[];
  /** `server` header values naming the vendor. */
  servers: RegExp;
  /** Words of the vendor's challenge or block page as a reader sees them. */
  text: RegExp;
  /**
   * Traces in the page source (script and frame addresses, element ids). Weaker than text: vendors inject
   * their scripts into ordinary pages too, so these count only on a page with almost no text.
   */
  source: RegExp;
}

export const VENDORS: readonly VendorMarkers[] = [
  {
    vendor: 'cloudflare',
    headers: ['cf-mitigated', 'cf-chl-bypass'],
    cookies: ['__cf_bm', 'cf_clearance', '__cfduid', 'cf_chl'],
    servers: /^cloudflare/i,
    source: /challenge platform|cf chl|cf browser verification|cf turnstile|cdn cgi challenge/,
    text: /verifying you are human|just a moment\.\.\.|ray id: ?[0-9a-f]{16}|checking (?:your browser|if the site connection is secure)|needs to review the security of your connection|attention required! \| cloudflare|performance (?:&|and) security by cloudflare|sorry, you have been blocked/,
  },
  {
    vendor: 'akamai',
    headers: ['akamai-grn', 'x-akamai-transformed', 'akamai-cache-status'],
    cookies: ['ak_bmsc', '_abck', 'bm_sz', 'bm_sv'],
    servers: /^akamai/i,
    source: /errors\.edgesuite\.net|sec cpt|bm verify/,
    text: /you don't have permission to access .{0,300}reference ?#|reference ?# ?\d+\.[0-9a-f]+\.\d+/,
  },
  {
    vendor: 'perimeterx',
    headers: ['x-px-block', 'x-px-enforcer'],
    cookies: ['_px', '_pxhd', '_pxvid', 'pxcts'],
    servers: /^perimeterx/i,
    source: /px captcha|pxappid|perimeterx|captcha\.px cdn|px cloud\.net/,
    text: /press (?:&|and) hold|access to this page has been denied/,
  },
  {
    vendor: 'datadome',
    headers: ['x-datadome', 'x-datadome-cid', 'x-dd-b'],
    cookies: ['datadome'],
    servers: /^datadome/i,
    source: /captcha delivery\.com|datadome/,
    text: /captcha delivery\.com|blocked by datadome|datadome (?:captcha|device check)/,
  },
  {
    vendor: 'imperva',
    headers: ['x-iinfo'],
    cookies: ['incap_ses', 'visid_incap', 'nlbi_', 'reese84'],
    servers: /^(?:imperva|incapsula)/i,
    source: /incapsula resource|incapsula incident/,
    text: /incapsula incident id|request unsuccessful\. incapsula|pardon our interruption|powered by imperva/,
  },
];

/**
 * Phrases of challenge, block and rate-limit pages whoever serves them, in the lexicon's languages. One alone
 * on a short page that answered 403/429/503 is enough; a page served 200 needs two (or one in its title).
 */
export const GENERIC_WALL_PHRASES =
  /verify(?:ing)? (?:that )?you are (?:a )?human|(?:are you|i am not|i'm not) a robot|not a robot|unusual traffic|security check|captcha|enable javascript and cookies|(?:javascript|cookies) (?:is|are) (?:disabled|required) .{0,40}continue|too many requests|rate limit(?:ed)?|request (?:was )?blocked|(?:your )?(?:access|request) (?:has been|was) (?:denied|blocked)|access denied|bot (?:detection|protection|manager)|automated (?:access|queries|requests)|ddos protection|one more step|human verification|browser check|verification (?:required|in progress)|(?:verification|controle) de securite|securite de votre connexion|vous etes (?:un )?(?:etre )?humain|activez javascript et les cookies|trop de requetes|acces refuse|acces (?:bloque|interdit)|zugriff verweigert|zu viele anfragen|sind sie ein mensch|dass sie ein mensch sind|sicherheitsuberprufung|sicherheit ihrer verbindung|kein roboter|demasiadas (?:solicitudes|peticiones)|acceso denegado|(?:eres|es) un ser humano|verificacion de seguridad|seguridad de (?:su|tu) conexion|no soy un robot|troppe richieste|accesso negato|(?:sei|sia) un essere umano|(?:verifica|controllo) di sicurezza|non sono un robot|アクセスが拒否|ロボットではありません|人間であることを確認|リクエストが多すぎ|访问被拒绝|訪問被拒絕|人机验证|人機驗證|验证您是(?:否是)?真人|請求過多|请求过多|安全验证|安全驗證/g;

/** Challenge and block pages are short; a page longer than this is a page with content. */
export const WALL_MAX_TEXT_CHARS = 2500;
/** Only the opening of a large page source is searched: challenge pages are small. */
export const WALL_MAX_SOURCE_CHARS = 200_000;
