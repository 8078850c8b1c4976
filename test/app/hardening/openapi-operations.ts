/** Just enough of OpenAPI 3 / JSON Schema to generate requests from the live document. */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
}

export interface QueryParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path template as documented, e.g. `/api/brands/{slug}`. */
  path: string;
  /** Taken from the template itself: some routes bind `@Param()` to a DTO that Swagger does not list. */
  pathParams: string[];
  query: QueryParameter[];
  /** The JSON body schema with every `$ref` and `allOf` resolved; undefined when the route takes none. */
  body?: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface RawOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, in a stable order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const schemas = document.components?.schemas ?? {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]),
        query: (raw.parameters ?? [])
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required === true,
            schema: resolve(parameter.schema ?? {}, schemas),
          })),
        body: bodySchema ? resolve(bodySchema, schemas) : undefined,
      });
    }
  }
  return operations;
}

/** Inlines `$ref`s and merges `allOf`, guarding against cycles (a cycle becomes an open object). */
function resolve(schema: JsonSchema, schemas: Record<string, JsonSchema>, seen: string[] = []): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name) || !schemas[name]) return { type: 'object' };
    return resolve(schemas[name], schemas, [...seen, name]);
  }
  let resolved: JsonSchema = { ...schema };
  if (schema.allOf) {
    delete resolved.allOf;
    for (const part of schema.allOf) {
      const inner = resolve(part, schemas, seen);
      resolved = {
        ...inner,
        ...resolved,
        properties: { ...inner.properties, ...resolved.properties },
        required: [...(inner.required ?? []), ...(resolved.required ?? [])],
      };
    }
  }
  if (resolved.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(resolved.properties).map(([key, value]) => [key, resolve(value, schemas, seen)]),
    );
  }
  if (resolved.items) resolved.items = resolve(resolved.items, schemas, seen);
  return resolved;
}
