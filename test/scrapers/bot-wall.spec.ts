import { detectBotWall } from '../../scrapers';

const STATEMENT =
  'Tidewater Outfitters does not source cotton from the Xinjiang Uyghur Autonomous Region. ' +
  'We require every supplier to confirm in writing that no forced labour was used. '.repeat(3);

describe('detectBotWall', () => {
  it('takes Cloudflare at its word when it marks an answer cf-mitigated', () => {
    const wall = detectBotWall({ status: 403, headers: { 'cf-mitigated': 'challenge' }, text: STATEMENT });
    expect(wall?.vendor).toBe('cloudflare');
  });

  it('calls every 429 a wall, naming the vendor when its cookie is set', () => {
    expect(detectBotWall({ status: 429, text: '' })?.vendor).toBe('rate_limit');
    const datadome = detectBotWall({
      status: 429,
      headers: { 'set-cookie': ['datadome=abc; Path=/'] },
      text: '',
    });
    expect(datadome?.vendor).toBe('datadome');
  });

  it.each([
    ['datadome', { 'x-datadome': 'protected', 'x-datadome-cid': 'AHrlqAAA' }],
    ['imperva', { 'x-iinfo': '8-1234567-0 0NNN RT(1765000000 64)', 'set-cookie': ['incap_ses_123_456=x'] }],
    ['imperva', { 'set-cookie': ['visid_incap_123=abc; path=/'] }],
    ['perimeterx', { 'set-cookie': ['_pxhd=abc; path=/'] }],
    ['akamai', { server: 'AkamaiGHost' }],
    ['cloudflare', { server: 'cloudflare', 'cf-ray': '8e1f2a3b4c5d6e7f-LHR' }],
  ] as const)('names %s from the headers of a short 403 answer', (vendor, headers) => {
    expect(detectBotWall({ status: 403, headers, text: 'Forbidden' })?.vendor).toBe(vendor);
  });

  it('does not call an ordinary page served through a protection vendor a wall', () => {
    const headers = { server: 'cloudflare', 'cf-ray': '8e1f2a3b4c5d6e7f-LHR', 'set-cookie': ['__cf_bm=x'] };
    expect(detectBotWall({ status: 200, headers, text: STATEMENT })).toBeUndefined();
  });

  it('does not call a statement that mentions a captcha once a wall', () => {
    const text = `${STATEMENT} This contact form is protected by a captcha.`;
    expect(detectBotWall({ status: 200, title: 'Responsible sourcing', text })).toBeUndefined();
  });

  it('recognises a challenge served 200 by its wording alone', () => {
    const wall = detectBotWall({
      status: 200,
      title: 'Just a moment...',
      text: 'Verifying you are human. This may take a few seconds.',
    });
    expect(wall?.vendor).toBe('cloudflare');
  });

  it('leaves 404 and 410 to the page-gone rule', () => {
    expect(detectBotWall({ status: 404, title: 'Access denied', text: 'Access denied' })).toBeUndefined();
  });

  it('reads an empty shell by its source', () => {
    const html =
      '<html><body><iframe src="https://geo.captcha-delivery.com/captcha/?initialCid=x"></iframe></body></html>';
    expect(detectBotWall({ html, text: '' })?.vendor).toBe('datadome');
  });
});
