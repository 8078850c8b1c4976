import type { Client } from 'pg';

/** Sizes from DESIGN.md "Scale we design for". */
export const SIZES = {
  companies: 20_000,
  brands: 100_000,
  commitments: 300_000,
  evidence: 1_000_000,
  findings: 50_000,
};

export const BENCH_SECTORS = [
  'apparel',
  'electronics',
  'automotive',
  'footwear',
  'retail',
  'appliances',
  'solar-energy',
  'food',
  'toys',
  'furniture',
  'rail',
  'industrial',
];
const COUNTRIES = [
  'US',
  'GB',
  'DE',
  'FR',
  'CN',
  'JP',
  'IT',
  'ES',
  'SE',
  'NL',
  'KR',
  'TW',
  'IN',
  'BR',
  'CA',
  'AU',
  'DK',
  'CH',
  'BE',
  'AT',
  'PL',
  'TR',
  'MX',
  'VN',
  'TH',
  'ID',
  'ZA',
  'NO',
  'FI',
  'PT',
  'IE',
  'NZ',
  'SG',
  'HK',
  'IL',
  'AR',
  'CL',
  'EG',
  'MA',
  'LU',
];
const TYPES = [
  'call_to_action_public',
  'call_to_action_public',
  'call_to_action_private',
  'third_party_pledge',
  'third_party_pledge',
  'policy_no_region_sourcing',
  'policy_no_region_sourcing',
  'policy_direct_suppliers_only',
  'policy_direct_suppliers_only',
  'denial',
  'retraction',
  'retraction',
  'retraction',
  'no_commitment',
  'no_commitment',
  'no_commitment',
];

const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;
/** A skewed pick (popular values first), as real sectors and countries are. */
const skewed = (values: string[]) => `(${sqlArray(values)})[1 + floor(${values.length} * random() ^ 2)::int]`;

/**
 * Fills an empty, migrated catalogue with generated rows in a few set-based statements (no API, no audit):
 * companies, brands (70% in a group, 95% verified), commitments of brands (80%) and groups (20%) in every
 * type and state with month/known_by dates and superseding chains, findings, 1M evidence rows and links.
 */
export async function generateCatalogue(client: Client, log: (line: string) => void): Promise<void> {
  const step = async (what: string, sql: string) => {
    const started = Date.now();
    await client.query(sql);
    log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  await client.query('SELECT setseed(0.42)');
  // A bulk load of consistent rows into a fresh catalogue: the row triggers (public-data versions, audit, the
  // standings kept per statement) would each run once per row or statement and made the 100k brands take over
  // ten minutes; with replica role they stay quiet and the standings are built once, as the migration does.
  await client.query("SET session_replication_role = 'replica'");
  await step(
    'companies',
    `
    INSERT INTO companies (slug, name, country, status, reviewed_at)
    SELECT 'bench-group-' || g, 'Bench Group ' || g, ${skewed(COUNTRIES)}, 'verified', now()
    FROM generate_series(1, ${SIZES.companies}) g`,
  );
  await step(
    'brands',
    `
    WITH groups AS (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM companies)
    INSERT INTO brands (slug, name, aliases, company_id, sectors, hq_country, status, reviewed_at)
    SELECT 'bench-brand-' || lpad(g::text, 6, '0'), 'Bench Brand ' || g, ARRAY['BB' || g],
           CASE WHEN random() < 0.7 THEN groups.id END,
           -- A second sector for a fifth of the brands, never the first one again (the API refuses that).
           CASE WHEN random() < 0.2 AND sector.first <> sector.second THEN ARRAY[sector.first, sector.second]
                ELSE ARRAY[sector.first] END,
           CASE WHEN random() < 0.97 THEN ${skewed(COUNTRIES)} END,
           s.status, CASE WHEN s.status = 'verified' THEN now() END
    FROM generate_series(1, ${SIZES.brands}) g
    JOIN groups ON groups.n = 1 + (g::bigint * 7919) % ${SIZES.companies}
    CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.95 THEN 'verified' ELSE 'draft' END AS status, g AS keep) s
    CROSS JOIN LATERAL (SELECT ${skewed(BENCH_SECTORS)} AS first, ${skewed(BENCH_SECTORS)} AS second, g AS keep) sector`,
  );
  await step(
    'commitments',
    `
    WITH b AS (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM brands),
         c AS (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM companies),
         raw AS (
           SELECT g, random() < 0.8 AS of_brand, (${sqlArray(TYPES)})[1 + floor(${TYPES.length} * random())::int] AS type,
                  date '2018-01-01' + floor(random() * 2500)::int AS day, random() AS p, random() AS s
           FROM generate_series(1, ${SIZES.commitments}) g)
    INSERT INTO commitments (brand_id, company_id, type, stated_on, stated_on_precision, effective_on, summary,
                             status, reviewed_at, submitted_at)
    SELECT b.id, c.id,
           type,
           CASE WHEN p < 0.15 THEN date_trunc('month', day)::date ELSE day END,
           CASE WHEN p < 0.15 THEN 'month' WHEN p < 0.2 THEN 'known_by' ELSE 'day' END,
           CASE WHEN p < 0.15 THEN (date_trunc('month', day) + interval '1 month - 1 day')::date ELSE day END,
           'Generated commitment ' || g,
           CASE WHEN s < 0.85 THEN 'verified' WHEN s < 0.95 THEN 'submitted' ELSE 'draft' END,
           CASE WHEN s < 0.85 THEN now() END, CASE WHEN s < 0.95 THEN now() END
    FROM raw
    LEFT JOIN b ON of_brand AND b.n = 1 + (g::bigint * 104729) % ${SIZES.brands}
    LEFT JOIN c ON NOT of_brand AND c.n = 1 + (g::bigint * 1299709) % ${SIZES.companies}`,
  );
  await step(
    'superseding chains',
    `
    UPDATE commitments c SET supersedes_id = chain.previous
    FROM (SELECT id, lag(id) OVER (PARTITION BY brand_id ORDER BY stated_on, id) AS previous
          FROM commitments WHERE brand_id IS NOT NULL) chain
    WHERE chain.id = c.id AND chain.previous IS NOT NULL AND random() < 0.15`,
  );
  await step(
    'findings',
    `
    WITH b AS (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM brands)
    INSERT INTO exposure_findings (brand_id, kind, report_name, published_on, published_on_precision, effective_on,
                                   finding, status, reviewed_at)
    SELECT b.id, 'named_in_report', 'Bench report', d, 'day', d, 'Generated finding ' || g,
           status, CASE WHEN status = 'verified' THEN now() END
    FROM generate_series(1, ${SIZES.findings}) g
    JOIN b ON b.n = 1 + (g::bigint * 15485863) % ${SIZES.brands}
    CROSS JOIN LATERAL (
      SELECT date '2019-01-01' + floor(random() * 2000)::int AS d,
             CASE WHEN random() < 0.9 THEN 'verified' ELSE 'submitted' END AS status, g AS keep) x`,
  );
  await step(
    'evidence',
    `
    INSERT INTO evidence (url, kind, title, status, reviewed_at, created_at)
    SELECT 'https://example.org/bench/' || g,
           (ARRAY['company_statement','ngo_report','news','government_list'])[1 + g % 4],
           'Generated source ' || g, 'verified', now(), now() - g * interval '1 second'
    FROM generate_series(1, ${SIZES.evidence}) g`,
  );
  await step(
    'evidence links',
    `
    WITH e AS (SELECT id, row_number() OVER (ORDER BY created_at DESC, id) AS n FROM evidence),
         c AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM commitments),
         f AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM exposure_findings),
         cl AS (INSERT INTO commitment_evidence (commitment_id, evidence_id)
                SELECT c.id, e.id FROM c JOIN e ON e.n = c.n)
    INSERT INTO finding_evidence (finding_id, evidence_id)
    SELECT f.id, e.id FROM f JOIN e ON e.n = ${SIZES.commitments} + f.n`,
  );
  await client.query("SET session_replication_role = 'origin'");
  await step(
    'brand standings',
    "SELECT refresh_brand_standings(ARRAY(SELECT id FROM brands), (now() AT TIME ZONE 'UTC')::date)",
  );
  await step('ANALYZE', 'ANALYZE');
}
