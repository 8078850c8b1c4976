require('ts-node').register({transpileOnly:true});
const { brandFacetsSql } = require('./src/catalogue/brands/brand-facets.sql');
const { brandPageSql } = require('./src/catalogue/brands/brand-search.sql');
const { today } = require('./src/kernel/dates/today');
const { Client } = require('pg');
(async () => {
  const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/pw_bench_catalogue' });
  await c.connect(); await c.query('SET jit = off');
  const f = { statuses: ['verified'], asOf: today(), sector: 'apparel', commitment: 'none' };
  for (const [n, s] of [['facets', brandFacetsSql(f, 'standings')], ['list', brandPageSql(f, undefined, 51, 'standings')], ['facets-rec', brandFacetsSql(f, 'recomputed')]]) {
    const t = [];
    for (let i = 0; i < 8; i++) { const r = await c.query('EXPLAIN (SUMMARY, FORMAT JSON) ' + s.text, s.values); t.push(r.rows[0]['QUERY PLAN'][0]['Planning Time'].toFixed(1)); }
    console.log(n, 'planning', t.join(' '));
  }
  await c.end();
})();
