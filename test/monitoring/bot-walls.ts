import type { FixtureResponse } from '../support/fixture-server';

/** How each bot-protection family answers a scripted client: status, headers and body, as their pages do. */
export interface WallFamily {
  vendor: string;
  answer: FixtureResponse;
}

const HTML = 'text/html; charset=utf-8';

export const WALL_FAMILIES: WallFamily[] = [
  {
    vendor: 'cloudflare',
    answer: {
      status: 403,
      headers: {
        'content-type': HTML,
        server: 'cloudflare',
        'cf-ray': '8e1f2a3b4c5d6e7f-LHR',
        'cf-mitigated': 'challenge',
        'set-cookie': '__cf_bm=Qx7.abc; path=/; HttpOnly',
      },
      body: `<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div class="main-wrapper" role="main">
<h1>www.northwind.example</h1><h2 id="challenge-running">Verifying you are human. This may take a few seconds.</h2>
<p>www.northwind.example needs to review the security of your connection before proceeding.</p></div></body></html>`,
    },
  },
  {
    vendor: 'akamai',
    answer: {
      status: 403,
      headers: { 'content-type': HTML, server: 'AkamaiGHost' },
      body: `<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>
You don't have permission to access "http&#58;&#47;&#47;www&#46;northwind&#46;example&#47;sourcing" on this server.<P>
Reference&#32;&#35;18&#46;4f2c3717&#46;1765000123&#46;9b1e44a0</BODY></HTML>`,
    },
  },
  {
    vendor: 'perimeterx',
    answer: {
      status: 403,
      headers: { 'content-type': HTML, 'set-cookie': '_pxhd=a1b2c3:d4e5; path=/' },
      body: `<html><head><title>Access to this page has been denied</title></head><body><h1>Before we continue...</h1>
<p>Press &amp; Hold to confirm you are a human (and not a bot).</p><div id="px-captcha"></div></body></html>`,
    },
  },
  {
    vendor: 'datadome',
    answer: {
      status: 403,
      headers: { 'content-type': HTML, 'x-datadome': 'protected', 'set-cookie': 'datadome=AHrlqAAA; Path=/' },
      body: `<html><head><title>northwind.example</title></head><body><p>Please enable JS and disable any ad blocker</p>
<script>var dd={'rt':'c','cid':'AHrlqAAA','host':'geo.captcha-delivery.com'}</script></body></html>`,
    },
  },
  {
    vendor: 'imperva',
    answer: {
      status: 403,
      headers: {
        'content-type': HTML,
        'x-iinfo': '8-1234567-0 0NNN RT(1765000000 64) q(0 -1 -1 -1) r(0 -1)',
        'set-cookie': 'visid_incap_2718281=abc; path=/',
      },
      body: `<html><head><meta name="robots" content="noindex,nofollow"></head><body>
<p>Request unsuccessful. Incapsula incident ID: 1320000430098765432-112233445566778899</p></body></html>`,
    },
  },
  {
    vendor: 'rate_limit',
    answer: {
      status: 429,
      headers: { 'content-type': HTML, 'retry-after': '120' },
      body: '<html><head><title>429 Too Many Requests</title></head><body><h1>429 Too Many Requests</h1></body></html>',
    },
  },
];
