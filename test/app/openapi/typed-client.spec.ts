import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { startTestApp, type TestApp } from '../../support/test-app';
import { buildPublicCatalogue, type PublicCatalogue } from '../../public/site/public-catalogue';

const execFileAsync = promisify(execFile);
const PUBLIC_URL = 'https://pledgewatch.example.org';
const OPENAPI_TYPESCRIPT = path.resolve(__dirname, '../../../node_modules/.bin/openapi-typescript');

/**
 * What a script author does with our API: generate types from the live document with openapi-typescript,
 * write a script against them (list brands, read a scorecard), compile it strictly and run it.
 */
const SCRIPT = `
import type { paths } from './schema';

declare const process: { argv: string[] };

type Json<Path extends keyof paths, Method extends 'get', Status extends number> =
  paths[Path][Method] extends { responses: { [S in Status]: { content: { 'application/json': infer Body } } } }
    ? Body
    : never;
type BrandList = Json<'/api/brands', 'get', 200>;
type Scorecard = Json<'/api/brands/{slug}/scorecard', 'get', 200>;
type ErrorBody = Json<'/api/brands/{slug}/scorecard', 'get', 404>;

async function main(base: string): Promise<void> {
  const list = (await (await fetch(base + '/api/brands?sector=apparel&limit=2')).json()) as BrandList;
  const slugs: string[] = list.items.map((brand) => brand.slug);
  const next: string | null = list.nextCursor;
  const card = (await (await fetch(base + '/api/brands/' + slugs[0] + '/scorecard')).json()) as Scorecard;
  const grade: string | null | undefined = card.grade;
  const points: number[] = card.indicators.map((indicator) => indicator.points);
  const missing = (await (await fetch(base + '/api/brands/no-such-brand/scorecard')).json()) as ErrorBody;
  const message: string = missing.message;
  console.log(JSON.stringify({ slugs, next, grade, points, status: missing.statusCode, message }));
}

void main(process.argv[2]);
`;

/** Names every operation whose success body the generated types make \`never\` (204 No Content excepted). */
const NO_NEVER_BODIES = `
import type { paths } from './schema';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type BodyOf<Responses, Status> = Status extends 204
  ? 'no content'
  : Status extends 200 | 201 | 202
    ? Status extends keyof Responses
      ? Responses[Status] extends { content: infer Content }
        ? Content[keyof Content]
        : never
      : never
    : never;
// Methods a path lacks are \`put?: never\`: not operations, so not offenders.
type SuccessBody<Operation> = [Operation] extends [never]
  ? 'not an operation'
  : [Operation] extends [{ responses: infer Responses }]
  ? BodyOf<Responses, keyof Responses>
  : 'not an operation';
type NeverBodies = {
  [Path in keyof paths]: {
    [M in Method]: [SuccessBody<NonNullable<paths[Path][M]>>] extends [never] ? \`\${M} \${Path}\` : never;
  }[Method];
}[keyof paths];

// Compiles only while NeverBodies is empty; otherwise the error names each operation.
declare const found: NeverBodies;
export const none: never = found;
`;

describe('a typed client generated from the live OpenAPI document', () => {
  let testApp: TestApp;
  let catalogue: PublicCatalogue;
  let workdir: string;
  let document: {
    servers?: Array<{ url: string }>;
    paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
  };
  let documentResponse: Response;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { PUBLIC_URL } });
    catalogue = await buildPublicCatalogue(testApp);
    workdir = mkdtempSync(path.join(tmpdir(), 'pw-typed-client-'));
    documentResponse = await fetch(`${testApp.baseUrl}/api/docs-json`);
    const text = await documentResponse.text();
    document = JSON.parse(text) as typeof document;
    writeFileSync(path.join(workdir, 'openapi.json'), text);
    const generated = spawnSync(
      OPENAPI_TYPESCRIPT,
      [path.join(workdir, 'openapi.json'), '-o', path.join(workdir, 'schema.d.ts')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (generated.status !== 0) throw new Error(`openapi-typescript failed: ${generated.stderr}`);
  });
  afterAll(async () => {
    if (workdir) rmSync(workdir, { recursive: true, force: true });
    await testApp?.close();
  });

  it('names the configured public URL as its server and may be cached', () => {
    expect(document.servers).toEqual([{ url: PUBLIC_URL }]);
    expect(documentResponse.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('documents a success body for every operation, and errors in the one error shape', () => {
    const problems: string[] = [];
    for (const [route, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const statuses = Object.keys(operation.responses);
        const successes = statuses.filter((status) => status.startsWith('2'));
        if (!successes.some((status) => status === '204' || operation.responses[status].content)) {
          problems.push(`${method} ${route}: no success body`);
        }
        if (!statuses.includes('401') || !statuses.includes('400'))
          problems.push(`${method} ${route}: errors`);
        const errorBodies = statuses
          .filter((status) => Number(status) >= 400 && route !== '/health')
          .map((status) => JSON.stringify(operation.responses[status].content ?? null));
        for (const body of errorBodies) {
          if (!body.includes('ApiErrorBody') && !body.includes('image/svg+xml'))
            problems.push(`${method} ${route}: ${body}`);
        }
        for (const status of statuses.filter((status) => Number(status) >= 400)) {
          // Errors are the one error shape; /health's 503 is its own report, the badge's 404 still a badge.
          const content = operation.responses[status].content as Record<string, { schema?: object }>;
          if (!content?.['application/json']?.schema && !content?.['image/svg+xml']) {
            problems.push(`${method} ${route}: ${status} without a body`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves no operation with a `never` success body in the generated types', () => {
    expect(compile({ 'check.ts': NO_NEVER_BODIES })).toEqual([]);
  });

  it('compiles a script that lists brands and reads a scorecard, which then runs against the API', async () => {
    expect(compile({ 'script.ts': SCRIPT })).toEqual([]);
    const javascript = ts.transpileModule(SCRIPT, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(path.join(workdir, 'script.js'), javascript);
    // Not spawnSync: the API answering the script runs in this very process.
    const run = await execFileAsync(process.execPath, [path.join(workdir, 'script.js'), testApp.baseUrl], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    const output = JSON.parse(run.stdout) as { slugs: string[]; status: number; points: number[] };
    expect(output.slugs).toHaveLength(2);
    expect(output.slugs[0]).toBe([catalogue.alpha.slug, catalogue.beta.slug].sort()[0]);
    expect(output.points).toHaveLength(4);
    expect(output.status).toBe(404);
  });

  /** Strict type-check of files beside the generated schema; the diagnostics, as text. */
  function compile(files: Record<string, string>): string[] {
    for (const [name, source] of Object.entries(files)) writeFileSync(path.join(workdir, name), source);
    const program = ts.createProgram(
      Object.keys(files).map((name) => path.join(workdir, name)),
      {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: [],
      },
    );
    return ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }
});
