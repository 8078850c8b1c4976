import fc from 'fast-check';

/** Text that breaks naive code: control characters, other scripts, emoji, SQL and markup, huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e309',
    '9007199254740993',
    "' OR 1=1 --",
    '"; DROP TABLE brands; --',
    '<script>alert(1)</script>',
    '{{7*7}}',
    '${7*7}',
    '%00',
    '%',
    '%zz',
    '../../../etc/passwd',
    '..%2f..%2f',
    'https://127.0.0.1:5432/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '\uD800',
    '\u202Etxt.exe',
    'ئۇيغۇر',
    '新疆',
    '\uFEFF',
    '2021-02-30',
    '0000-00-00',
    '9999-12-31T23:59:59Z',
  ),
  fc.integer({ min: 1000, max: 20_000 }).map((length) => 'x'.repeat(length)),
);

/** Any JSON-ish value of the wrong kind for where it is put. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [null], [[[]]], ''),
  hostileString,
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
  fc.integer({ min: 100, max: 3000 }).map(deeplyNested),
  fc.integer({ min: 1000, max: 5000 }).map((length) => Array.from({ length }, (_, index) => index)),
);

/** `{"a":{"a":...}}`, a parser's and a validator's recursion test. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

/** A path segment: as a URL would carry it, or raw bytes that try to escape the route. */
export function pathSegment(known: readonly string[]): fc.Arbitrary<string> {
  const encoded = fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...known) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 3, arbitrary: hostileString.filter((value) => value.length < 3000) },
    )
    .map(encodeText);
  const raw = fc.constantFrom(
    '..',
    '../..',
    '../../api/users',
    '.%2e/.%2e',
    '%2e%2e%2f%2e%2e%2f',
    '%00',
    'x%00.svg',
    '%',
    '%zz',
    '%C0%AE%C0%AE',
    '%ED%A0%80',
    '%FF',
    ';',
    '*',
    '(',
    '..;/',
    '.svg',
    '%2F',
  );
  return fc.oneof({ weight: 5, arbitrary: encoded }, { weight: 1, arbitrary: raw });
}

/** encodeURIComponent that survives lone surrogates (sent as U+FFFD, as a browser would). */
export function encodeText(value: string): string {
  return encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}
