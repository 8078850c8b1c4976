/**
 * The house rules for src/ (docs/architecture.md): which top-level folder may import which. Checked by
 * `npm run check` (scripts/check.sh); a wrong import fails there, not in review.
 *
 * Layers, lowest first. A folder may import itself and the folders listed for it, nothing else:
 * so no two top-level folders ever import each other, and pages (ui, staff, public) sit above every domain.
 */
const MAY_IMPORT = {
  platform: [],
  identity: ['platform'],
  kernel: ['platform', 'identity'],
  ui: ['platform', 'identity'],
  catalogue: ['platform', 'identity', 'kernel'],
  webhooks: ['platform', 'identity', 'kernel'],
  evidence: ['platform', 'identity', 'kernel', 'catalogue'],
  claims: ['platform', 'identity', 'kernel', 'catalogue', 'evidence'],
  monitoring: ['platform', 'identity', 'kernel', 'catalogue', 'evidence', 'claims', 'webhooks'],
  scorecards: ['platform', 'identity', 'kernel', 'catalogue', 'evidence', 'claims'],
  import: ['platform', 'identity', 'kernel', 'catalogue', 'evidence', 'claims'],
  screening: ['platform', 'identity', 'kernel', 'catalogue', 'evidence', 'claims', 'webhooks', 'import'],
  public: ['platform', 'identity', 'kernel', 'catalogue', 'evidence', 'claims', 'scorecards', 'ui'],
  staff: [
    'platform',
    'identity',
    'kernel',
    'catalogue',
    'evidence',
    'claims',
    'webhooks',
    'monitoring',
    'scorecards',
    'import',
    'screening',
    'ui',
  ],
  app: null, // the entry points wire everything
};

const layerRules = Object.entries(MAY_IMPORT)
  .filter(([, allowed]) => allowed !== null)
  .map(([folder, allowed]) => ({
    name: `${folder}-imports-only-below-it`,
    comment: `src/${folder}/ may import only ${allowed.length ? allowed.join(', ') : 'itself'} (and scrapers/, packages)`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: '^src/', pathNot: [`^src/${folder}/`, ...allowed.map((other) => `^src/${other}/`)] },
  }));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'src-has-only-its-folders',
      comment: 'Every file of src/ lives in one of the top-level folders named in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/[^/]+$' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, between files or through modules',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'scrapers-stay-plain',
      comment: 'scrapers/ is a plain library: no Nest, no TypeORM, nothing of src/',
      severity: 'error',
      from: { path: '^scrapers/' },
      to: { path: ['^src/', 'node_modules/@nestjs/', 'node_modules/typeorm/'] },
    },
    {
      name: 'no-tests-in-production',
      comment: 'Production code never imports test code',
      severity: 'error',
      from: { path: '^(src|scrapers|seeds|migrations)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-unknown-top-level-folder',
      comment: 'A new top-level folder of src/ needs its line in MAY_IMPORT',
      severity: 'error',
      from: { path: `^src/(?!(${Object.keys(MAY_IMPORT).join('|')})/)[^/]+/` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
