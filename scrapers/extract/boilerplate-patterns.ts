/**
 * How page furniture is recognised from markup. Class/id tokens are compared whole after splitting
 * "c-productTile__grid" into c, product, tile, grid, so "navy" or "cardigan" never match "nav" or "card".
 */

/** Elements whose text is never content. */
export const NOISE_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'map',
  'meta',
  'link',
  'input',
  'select',
  'textarea',
  'button',
  'option',
  'dialog',
];

/** Page furniture by tag; `header` is kept inside main/article, where it holds the title. */
export const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu']);

export const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'tablist',
]);

/**
 * Consent managers (OneTrust, Cookiebot, Didomi, Usercentrics, TrustArc, Quantcast...) by their ids and
 * classes. Not "cmp" alone: Adobe Experience Manager prefixes every component with it ("cmp-text").
 */
export const CONSENT_TOKENS = [
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'ccpa',
  'onetrust',
  'didomi',
  'cookiebot',
  'usercentrics',
  'truste',
  'trustarc',
  'quantcast',
  'cmp2',
  'sourcepoint',
  'osano',
  'iubenda',
  'cookielaw',
  'cookiebar',
  'cookienotice',
  'klaro',
  'tarteaucitron',
  'cookieyes',
  'cky',
  'termly',
  'cmplz',
  'borlabs',
  'cookiefirst',
  'axeptio',
] as const;

/** Overlays that interrupt the page: removed whatever they say. */
export const OVERLAY_TOKENS = new Set<string>([
  ...CONSENT_TOKENS,
  'ot',
  'modal',
  'popup',
  'popover',
  'overlay',
  'lightbox',
  'newsletter',
  'subscribe',
  'toast',
  'interstitial',
  'paywall',
]);

/** Furniture: removed unless it carries a region or forced-labour statement (then that text is kept). */
export const FURNITURE_TOKENS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'menus',
  'submenu',
  'megamenu',
  'menubar',
  'header',
  'masthead',
  'footer',
  'foot',
  'sidebar',
  'breadcrumb',
  'breadcrumbs',
  'share',
  'sharing',
  'social',
  'socials',
  'sharethis',
  'addthis',
  'skip',
  'skiplink',
  'carousel',
  'slider',
  'slideshow',
  'swiper',
  'slick',
  'glide',
  'splide',
  'owl',
  'flickity',
  'marquee',
  'ticker',
  'cart',
  'basket',
  'minicart',
  'checkout',
  'pagination',
  'pager',
  'search',
  'searchbar',
  'login',
  'signin',
  'account',
  'locale',
  'language',
  'langswitch',
  'country',
  'drawer',
  'offcanvas',
  'toolbar',
  'utility',
  'topbar',
  'announcement',
  'comments',
  'comment',
  'disqus',
]);

/** Content-shaped furniture (tiles, cards, promos): removed only when short or mostly links. */
export const SHORT_FURNITURE_TOKENS = new Set([
  'tile',
  'tiles',
  'product',
  'products',
  'card',
  'cards',
  'grid',
  'teaser',
  'teasers',
  'promo',
  'promotion',
  'banner',
  'ad',
  'ads',
  'advert',
  'advertisement',
  'sponsor',
  'sponsored',
  'widget',
  'related',
  'recommend',
  'recommended',
  'recommendations',
  'upsell',
  'crosssell',
  'rating',
  'ratings',
  'reviews',
  'tags',
  'sticky',
  'hero',
  'tagline',
  'slogan',
  'strapline',
  'experiment',
  'variant',
  'badge',
  'price',
  'plp',
  'pdp',
  'shop',
  'collection',
  'lookbook',
]);

/**
 * Whole class names meaning "not displayed" in common CSS frameworks. Screen-reader-only classes (sr-only,
 * visually-hidden, screen-reader-text) are deliberately absent: assistive tech reads that text and a browser's
 * innerText keeps it, so it is content (an icon's hidden "Yes"/"No" can carry the whole statement).
 */
export const HIDDEN_CLASSES = new Set([
  'hidden',
  'd-none',
  'hide',
  'is-hidden',
  'invisible',
  'display-none',
  'u-hidden',
  'hidden-all',
]);

/** Splits attribute values into lowercase word tokens, breaking camelCase, kebab-case and BEM. */
export function attributeTokens(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}
