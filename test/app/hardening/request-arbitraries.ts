import fc from 'fast-check';
import { encodeText, hostileString, pathSegment, wrongValue } from './hostile-values';
import type { Operation, QueryParameter } from './openapi-operations';
import { columnLimitProbe, KnownValues, plausibleObject, plausibleValue } from './schema-values';

/** Who the request claims to be; the fuzz test maps each name to real headers. */
export const CREDENTIALS = [
  'anonymous',
  'researcherToken',
  'reviewerToken',
  'adminToken',
  'sessionWithCsrf',
  'sessionWithoutCsrf',
  'badToken',
  'forgedCookie',
] as const;
export type Credential = (typeof CREDENTIALS)[number];

export interface FuzzRequest {
  method: string;
  /** Path and query string, already encoded (possibly badly, on purpose). */
  target: string;
  credential: Credential;
  headers: Record<string, string>;
  body?: string;
}

/** Requests for one documented operation: path, query, body, content type and caller all vary. */
export function requestsFor(operation: Operation, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const segments = operation.pathParams.map(() => pathSegment(pathValues(operation, known)));
  const takesBody = operation.method !== 'GET' && operation.method !== 'DELETE';
  return fc
    .record({
      segments: fc.tuple(...segments),
      query: queryString(operation.query, known),
      credential: fc.constantFrom(...CREDENTIALS),
      accept: fc.constantFrom(undefined, 'application/json', '*/*', 'text/html', 'image/png'),
      payload: takesBody ? bodyFor(operation, known) : fc.constant<Payload>({}),
    })
    .map(({ segments: values, query, credential, accept, payload }) => {
      let index = 0;
      const path = operation.path.replace(/\{[^}]+\}/g, () => values[index++]);
      const headers: Record<string, string> = { ...payload.headers };
      if (accept) headers.accept = accept;
      return { method: operation.method, target: path + query, credential, headers, body: payload.body };
    });
}

function pathValues(operation: Operation, known: KnownValues): string[] {
  if (operation.path.startsWith('/badge/')) return known.slugs.map((slug) => `${slug}.svg`);
  return [...known.slugs, ...known.ids];
}

function queryString(parameters: QueryParameter[], known: KnownValues): fc.Arbitrary<string> {
  const known_ = parameters.map((parameter) =>
    fc.option(
      fc.oneof(
        { weight: 4, arbitrary: plausibleValue(parameter.schema, parameter.name, known).map(asText) },
        { weight: 2, arbitrary: hostileString.filter((value) => value.length < 2000) },
        { weight: 1, arbitrary: fc.constantFrom('99999999999999999999', '-5', '0', '1.5', '1e3', 'true') },
        { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 5 }), { minLength: 2, maxLength: 3 }) },
      ),
      { freq: 2 },
    ),
  );
  const unknown = fc.array(
    fc.oneof(
      fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 })).map(encodePair),
      fc.constantFrom(
        '__proto__[polluted]=1',
        'constructor[prototype][polluted]=1',
        'limit[]=1',
        'limit[$gt]=0',
        'q[toString]=1',
        '&&&',
        '=',
        'q=%',
        'q=%zz',
        'q=%00',
      ),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...known_), unknown).map(([values, extras]) => {
    const pairs = parameters.flatMap((parameter, index) => {
      const value = values[index];
      if (value === null) return [];
      const list = Array.isArray(value) ? value : [value];
      return list.map((item) => encodePair([parameter.name, String(item)]));
    });
    const all = [...pairs, ...extras];
    return all.length ? `?${all.join('&')}` : '';
  });
}

interface Payload {
  headers?: Record<string, string>;
  body?: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };

function bodyFor(operation: Operation, known: KnownValues): fc.Arbitrary<Payload> {
  const schema = operation.body ?? { type: 'object', properties: {} };
  const valid = plausibleObject(schema, known);
  const json = (value: unknown): Payload => ({ headers: JSON_TYPE, body: JSON.stringify(value) });
  const probe = columnLimitProbe(schema, known);
  return fc.oneof(
    ...(probe ? [{ weight: 3, arbitrary: probe.map(json) }] : []),
    { weight: 4, arbitrary: valid.map(json) },
    {
      weight: 4,
      arbitrary: fc.tuple(valid, mutation(schema.required ?? [])).map(([body, mutate]) => json(mutate(body))),
    },
    { weight: 1, arbitrary: valid.map((body) => ({ headers: JSON_TYPE, body: withPollutionKeys(body) })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>([], [{}], 'text', 42, null, true).map(json) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map(deeplyNestedJson) },
    { weight: 1, arbitrary: fc.constant<Payload>({}) },
    { weight: 2, arbitrary: fc.tuple(valid, fc.nat()).map(([body, choice]) => otherEncoding(body, choice)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Payload>(
        { headers: JSON_TYPE, body: '{"name": ' },
        { headers: JSON_TYPE, body: "{'name': 'single quotes'}" },
        { headers: JSON_TYPE, body: '\u0000\u0001' },
        { headers: JSON_TYPE, body: '' },
        { headers: { 'content-type': 'application/json; charset=utf-16' }, body: '{}' },
        { headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: '{"not":"gzip"}' },
        { headers: { ...JSON_TYPE, 'content-encoding': 'br' }, body: '{}' },
        { headers: { ...JSON_TYPE, 'content-encoding': 'compress' }, body: '{}' },
        { headers: { 'content-type': 'application/json' }, body: '[' + '['.repeat(5000) },
      ),
    },
  );
}

type Mutate = (body: Record<string, unknown>) => unknown;

/** One way of spoiling an otherwise plausible body. */
function mutation(required: string[]): fc.Arbitrary<Mutate> {
  const missing: fc.Arbitrary<Mutate>[] = required.length
    ? [fc.constantFrom(...required).map((key) => (body) => omit(body, key))]
    : [];
  return fc.oneof(
    ...missing,
    fc.tuple(fc.string({ maxLength: 12 }), wrongValue).map(([key, value]): Mutate => (body) => {
      const keys = Object.keys(body);
      const target = keys.length ? keys[key.length % keys.length] : key;
      return { ...body, [target]: value };
    }),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), wrongValue)
      .map(([key, value]): Mutate => (body) => ({ ...body, [key]: value })),
    fc.constant<Mutate>((body) => Object.fromEntries(Object.keys(body).map((key) => [key, null]))),
    fc.constant<Mutate>((body) => [body]),
  );
}

/** Written as text: `JSON.stringify` itself would overflow the stack at these depths. */
function deeplyNestedJson(depth: number): Payload {
  return { headers: JSON_TYPE, body: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` };
}

/** Raw JSON text, since `JSON.stringify` would never write a `__proto__` key itself. */
function withPollutionKeys(body: Record<string, unknown>): string {
  const own = JSON.stringify(body).slice(1, -1);
  const hostile = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';
  return `{${hostile}${own ? `,${own}` : ''}}`;
}

function otherEncoding(body: Record<string, unknown>, choice: number): Payload {
  const form = new URLSearchParams(
    Object.entries(body).map(([key, value]) => [key, asText(value)]),
  ).toString();
  const encodings: Payload[] = [
    { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form },
    { headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) },
    { headers: { 'content-type': 'application/xml' }, body: '<brand><name>x</name></brand>' },
    {
      headers: { 'content-type': 'multipart/form-data; boundary=fuzz' },
      body: `--fuzz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--fuzz--\r\n`,
    },
    {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a[b][c]=1&__proto__[x]=1&%zz',
    },
  ];
  return encodings[choice % encodings.length];
}

function omit(body: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => name !== key));
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function encodePair([key, value]: [string, string]): string {
  return `${encodeText(key)}=${encodeText(value)}`;
}
