require('ts-node').register({transpileOnly:true});
const { brandFacetsSql } = require('./src/catalogue/brands/brand-facets.sql');
const { brandPageSql } = require('./src/catalogue/brands/brand-search.sql');
const { today } = require('./src/kernel/dates/today');
const { Client } = require('pg');
(async () => {
  const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/pw_bench_catalogue' });
  await c.connect(); await c.query('SET jit = off');
  const out = [];
  for (const sector of ['apparel','electronics','automotive','footwear','retail','appliances','rail','industrial']) for (const country of [undefined,'GB','LU']) {
    const f = { statuses: ['verified'], asOf: today(), sector, country, commitment: 'none' };
    for (const [n, s] of [['list', brandPageSql(f, undefined, 51, 'standings')], ['facets', brandFacetsSql(f, 'standings')]]) {
      const r = await c.query('EXPLAIN (ANALYZE, FORMAT JSON) ' + s.text, s.values);
      const p = r.rows[0]['QUERY PLAN'][0];
      out.push([n, sector, country, (p['Execution Time'] + p['Planning Time']).toFixed(1)]);
    }
  }
  out.sort((a,b)=>b[3]-a[3]); console.log(out.slice(0,12).map(x=>x.join(' ')).join('\n'));
  await c.end();
})();
