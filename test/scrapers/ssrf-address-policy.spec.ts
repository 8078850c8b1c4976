import { classifyAddress } from '../../scrapers/net/address-policy';
import { Allowlist, parseAllowlistEntry } from '../../scrapers/net/allowlist';
import { parseFetchUrl } from '../../scrapers/net/url-policy';

describe('the address classifier', () => {
  const refused: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.170', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'ipv4Mapped(loopback 127.0.0.1)'],
    ['::ffff:10.0.0.1', 'ipv4Mapped(private 10.0.0.1)'],
    ['::ffff:169.254.169.254', 'ipv4Mapped(linkLocal 169.254.169.254)'],
    ['64:ff9b::10.0.0.1', 'rfc6052(private 10.0.0.1)'],
    ['64:ff9b::127.0.0.1', 'rfc6052(loopback 127.0.0.1)'],
    ['2002:7f00:1::1', '6to4(loopback 127.0.0.1)'],
    ['2002:c0a8:101::1', '6to4(private 192.168.1.1)'],
    ['2001:0:4136:e378:8000:63bf:80ff:fefe', 'teredo(loopback 127.0.1.1)'],
    ['::7f00:1', 'nonGlobal'],
    ['2130706433', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['[::1]', 'loopback'],
  ];

  it.each(refused)('refuses %s as %s', (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ isPublic: false, range });
  });

  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
  ];

  it.each(allowed)('accepts the public unicast address %s', (address) => {
    expect(classifyAddress(address)).toMatchObject({ isPublic: true });
  });

  it('says a host name is not an address at all', () => {
    expect(classifyAddress('example.org')).toBeUndefined();
  });
});

describe('URL parsing for fetches', () => {
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
  ])('normalises the odd spelling %s to %s before anything is vetted', (input, host) => {
    expect(parseFetchUrl(input).hostname).toBe(host);
  });

  it.each([
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
    'chrome://settings',
    'javascript:alert(1)',
    'ftp://example.org/x',
    'gopher://example.org/',
  ])('refuses %s because only http and https are fetched', (input) => {
    expect(() => parseFetchUrl(input)).toThrow(
      expect.objectContaining({ kind: 'blocked', reason: expect.stringMatching(/scheme is not fetched/) }),
    );
  });

  it('calls a malformed URL invalid', () => {
    expect(() => parseFetchUrl('http://')).toThrow(expect.objectContaining({ kind: 'invalid_url' }));
  });
});

describe('the allow-list', () => {
  it('allows exactly the listed address and port', () => {
    const allowlist = new Allowlist(['127.0.0.1:43123', '[::1]:8080']);
    expect(allowlist.allows('127.0.0.1', 43123)).toBe(true);
    expect(allowlist.allows('127.0.0.1', 5432)).toBe(false);
    expect(allowlist.allows('127.0.0.2', 43123)).toBe(false);
    expect(allowlist.allows('::1', 8080)).toBe(true);
    expect(allowlist.allows('0:0:0:0:0:0:0:1', 8080)).toBe(true);
  });

  it('allows nothing when it is empty', () => {
    expect(new Allowlist([]).allows('127.0.0.1', 80)).toBe(false);
  });

  it('rejects entries without a port', () => {
    expect(() => parseAllowlistEntry('127.0.0.1')).toThrow(/host:port/);
  });
});
