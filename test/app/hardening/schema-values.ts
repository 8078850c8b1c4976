import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations';

/** Slugs and ids of seeded records, so generated requests also reach past "not found". */
export interface KnownValues {
  slugs: string[];
  ids: string[];
  /**
   * The database's own limits: the length of every varchar(n)/char(n) column, by its property name
   * (wikidataId for wikidata_id). Strings are also drawn at and past these, so a DTO that lets through what
   * the column cannot hold shows up as a 5xx even when the OpenAPI document states no limit.
   */
  columnLimits: ReadonlyMap<string, number>;
}

/**
 * A value that a careless client could plausibly send for the schema: mostly valid, with the field's name
 * steering strings towards dates, URLs, emails, slugs or ids so that many requests pass validation.
 */
export function plausibleValue(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 10_000, 2 ** 31 - 1) });
    case 'array':
      return fc.array(plausibleValue(schema.items ?? {}, singular(name), known), { maxLength: 3 });
    case 'object':
    case undefined:
      if (schema.properties) return plausibleObject(schema, known);
      if (schema.type === 'object')
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 2 });
      return plausibleString(schema, name, known);
    default:
      return plausibleString(schema, name, known);
  }
}

export function plausibleObject(
  schema: JsonSchema,
  known: KnownValues,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [key, plausibleValue(value, key, known)]),
  );
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
}

/**
 * A body that is valid but for one string field stretched to its column's length or past it: the required
 * fields at their examples, so the request reaches the length check instead of failing on something else.
 * Undefined when no property of the body has a column limit.
 */
export function columnLimitProbe(
  schema: JsonSchema,
  known: KnownValues,
): fc.Arbitrary<Record<string, unknown>> | undefined {
  const properties = schema.properties ?? {};
  const limited = Object.keys(properties).filter(
    (key) => known.columnLimits.has(key) && (properties[key].type ?? 'string') === 'string',
  );
  if (!limited.length) return undefined;
  const required = (schema.required ?? []).filter((key) => key in properties);
  const base = fc.record(
    Object.fromEntries(required.map((key) => [key, exampleOr(properties[key], key, known)])),
  );
  const stretched = fc
    .constantFrom(...limited)
    .chain((key) =>
      aroundLength(exampleOr(properties[key], key, known).map(String), known.columnLimits.get(key) ?? 0).map(
        (value) => [key, value] as const,
      ),
    );
  return fc.tuple(base, stretched).map(([body, [key, value]]) => ({ ...body, [key]: value }));
}

function exampleOr(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<unknown> {
  return schema.example !== undefined ? fc.constant(schema.example) : plausibleValue(schema, name, known);
}

function plausibleString(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<string> {
  const lower = name.toLowerCase();
  const hinted = hintedString(lower, known);
  const free = fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 60, 60),
  });
  const example = typeof schema.example === 'string' ? [fc.constant(schema.example)] : [];
  const limit = known.columnLimits.get(name);
  const atColumnLimit =
    limit === undefined ? [] : [aroundLength(fc.oneof(...example, hinted ?? free), limit)];
  return fc.oneof(...(hinted ? [hinted, hinted] : []), ...example, free, ...atColumnLimit, ...atColumnLimit);
}

/**
 * A plausible start stretched to the column's length, one past it, or far past it. The padding is a digit,
 * which keeps most shapes valid (slugs, Wikidata ids, names), so the value reaches the length check.
 */
function aroundLength(start: fc.Arbitrary<string>, limit: number): fc.Arbitrary<string> {
  return fc
    .tuple(start, fc.constantFrom(limit, limit + 1, limit * 2 + 1))
    .map(([text, length]) => (text || 'x').padEnd(length, '7'));
}

function hintedString(name: string, known: KnownValues): fc.Arbitrary<string> | undefined {
  if (/(on|asof|deadline|date)$/.test(name)) {
    return fc
      .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
  }
  if (/at$/.test(name)) {
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  if (/url|website/.test(name)) {
    return fc.constantFrom(
      'https://example.org/statement',
      'https://www.example.com/sustainability',
      'http://127.0.0.1:1/private',
      'http://169.254.169.254/latest/meta-data',
      'ftp://example.org/file',
    );
  }
  if (name === 'email') return fc.emailAddress();
  if (name === 'password') return fc.string({ minLength: 12, maxLength: 40 });
  if (/^(brand|company|slug)$/.test(name)) return fc.constantFrom(...known.slugs);
  if (/id$/.test(name)) return fc.oneof(fc.constantFrom(...known.ids), fc.uuid());
  if (name === 'country' || name === 'hqcountry') return fc.constantFrom('GB', 'DE', 'CN', 'XX', 'gb');
  if (name === 'lei') return fc.constantFrom('549300JVNM9HJOLE4T39', '5493000000000000000X');
  return undefined;
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}
