import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The body of refresh_brand_standings as src/catalogue/brands/brand-standing.sql.ts (refreshBrandStandingsBody)
 * wrote it when this migration was made: the kernel's as-of rule, frozen here like every migration.
 * test/catalogue/brand-standings-days.spec.ts fails when the kernel's rule and this text part ways.
 */
const REFRESH_BODY = `
SELECT 1 FROM brand_standings WHERE id = ANY (brand_ids) ORDER BY id FOR UPDATE;
INSERT INTO brand_standings AS s (id, slug, status, sectors, hq_country, company_id, commitment_types, exposed,
                                  listed_supplier, computed_on, valid_until)
SELECT b.id, b.slug, b.status, b.sectors, b.hq_country, b.company_id,
       ARRAY(
      SELECT DISTINCT applying.type::text FROM (
        SELECT own.* FROM commitments own WHERE own.brand_id = b.id AND own.brand_id IS NOT NULL
        UNION ALL
        SELECT grp.* FROM commitments grp WHERE grp.company_id = b.company_id AND grp.company_id IS NOT NULL
      ) applying
      WHERE applying.status = 'verified'
      AND applying.effective_on <= as_of
      AND NOT EXISTS (
        SELECT 1 FROM commitments successor
        WHERE successor.supersedes_id = applying.id AND successor.supersedes_id IS NOT NULL
          AND successor.status = 'verified' AND successor.effective_on <= as_of)
      AND (applying.type = 'retraction' OR (
        NOT EXISTS (
          SELECT 1 FROM commitments retraction
          WHERE retraction.brand_id = b.id AND retraction.brand_id IS NOT NULL
            AND retraction.status = 'verified' AND retraction.type = 'retraction' AND retraction.effective_on <= as_of
            AND retraction.effective_on >= applying.effective_on)
        AND NOT EXISTS (
          SELECT 1 FROM commitments retraction
          WHERE retraction.company_id = b.company_id AND retraction.company_id IS NOT NULL
            AND retraction.status = 'verified' AND retraction.type = 'retraction' AND retraction.effective_on <= as_of
            AND retraction.effective_on >= applying.effective_on)))
      ORDER BY 1),
       (EXISTS (
      SELECT 1 FROM exposure_findings own
      WHERE own.brand_id = b.id AND own.brand_id IS NOT NULL
        AND own.status = 'verified' AND own.effective_on <= as_of
        AND coalesce(coalesce(own.ended_on, (
      SELECT min(closure.ended_on) FROM finding_closures closure
      WHERE closure.finding_id = own.id AND closure.status = 'verified')) > as_of, true))
    OR EXISTS (
      SELECT 1 FROM exposure_findings grp
      WHERE grp.company_id = b.company_id AND grp.company_id IS NOT NULL
        AND grp.status = 'verified' AND grp.effective_on <= as_of
        AND coalesce(coalesce(grp.ended_on, (
      SELECT min(closure.ended_on) FROM finding_closures closure
      WHERE closure.finding_id = grp.id AND closure.status = 'verified')) > as_of, true))),
       (EXISTS (
      SELECT 1 FROM exposure_findings own
      WHERE own.brand_id = b.id AND own.brand_id IS NOT NULL
        AND own.status = 'verified' AND own.effective_on <= as_of
        AND coalesce(coalesce(own.ended_on, (
      SELECT min(closure.ended_on) FROM finding_closures closure
      WHERE closure.finding_id = own.id AND closure.status = 'verified')) > as_of, true) AND own.kind = 'uflpa_entity_list_supplier')
    OR EXISTS (
      SELECT 1 FROM exposure_findings grp
      WHERE grp.company_id = b.company_id AND grp.company_id IS NOT NULL
        AND grp.status = 'verified' AND grp.effective_on <= as_of
        AND coalesce(coalesce(grp.ended_on, (
      SELECT min(closure.ended_on) FROM finding_closures closure
      WHERE closure.finding_id = grp.id AND closure.status = 'verified')) > as_of, true) AND grp.kind = 'uflpa_entity_list_supplier')),
       as_of,
       (SELECT min(day) FROM (
      SELECT c.effective_on AS day FROM commitments c
      WHERE c.brand_id = b.id AND c.status = 'verified' AND c.effective_on > as_of
      UNION ALL
      SELECT c.effective_on FROM commitments c
      WHERE c.company_id = b.company_id AND c.status = 'verified' AND c.effective_on > as_of
      UNION ALL
      SELECT f.effective_on AS day FROM exposure_findings f
      WHERE f.brand_id = b.id AND f.status = 'verified' AND f.effective_on > as_of
      UNION ALL
      SELECT f.effective_on FROM exposure_findings f
      WHERE f.company_id = b.company_id AND f.status = 'verified' AND f.effective_on > as_of
      UNION ALL
      SELECT coalesce(f.ended_on, (
      SELECT min(closure.ended_on) FROM finding_closures closure
      WHERE closure.finding_id = f.id AND closure.status = 'verified')) AS day FROM exposure_findings f
      WHERE f.brand_id = b.id AND f.status = 'verified' AND coalesce(f.ended_on, (
      SELECT min(closure.ended_on) FROM finding_closures closure
      WHERE closure.finding_id = f.id AND closure.status = 'verified')) > as_of
      UNION ALL
      SELECT coalesce(f.ended_on, (
      SELECT min(closure.ended_on) FROM finding_closures closure
      WHERE closure.finding_id = f.id AND closure.status = 'verified')) FROM exposure_findings f
      WHERE f.company_id = b.company_id AND f.status = 'verified' AND coalesce(f.ended_on, (
      SELECT min(closure.ended_on) FROM finding_closures closure
      WHERE closure.finding_id = f.id AND closure.status = 'verified')) > as_of) days)
FROM brands b
WHERE b.id = ANY (brand_ids)
ORDER BY b.id
ON CONFLICT (id) DO UPDATE SET
  slug = excluded.slug, status = excluded.status, sectors = excluded.sectors, hq_country = excluded.hq_country,
  company_id = excluded.company_id, commitment_types = excluded.commitment_types, exposed = excluded.exposed,
  listed_supplier = excluded.listed_supplier, computed_on = excluded.computed_on,
  valid_until = excluded.valid_until
`;

/** Today in UTC, the app's "today" (src/kernel/dates/today.ts), whatever the session's time zone. */
const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/**
 * The brands a statement's changed claim rows touch (`rows`: the transition table; `finding` when the rows
 * are closures, which reach their brand through their finding). Only verified rows can change an answer.
 */
function touchedSql(rows: string, finding: boolean): string {
  const subject = (column: string) =>
    finding
      ? `SELECT f.${column} FROM ${rows} r JOIN exposure_findings f ON f.id = r.finding_id WHERE r.status = 'verified'`
      : `SELECT ${column} FROM ${rows} WHERE status = 'verified'`;
  return `ARRAY(${subject('brand_id')}), ARRAY(${subject('company_id')})`;
}

/** A statement trigger function that refreshes the brands its claim rows (old and new) touch. */
function claimsTriggerFunction(name: string, finding: boolean): string {
  return `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
        PERFORM refresh_brand_standings_of(${touchedSql('new_rows', finding)});
      END IF;
      IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
        PERFORM refresh_brand_standings_of(${touchedSql('old_rows', finding)});
      END IF;
      RETURN NULL;
    END $$`;
}

/**
 * brand_standings: per brand, what the campaigner's list and facets filter on (docs/data-model.md, "The
 * campaigner list"), kept by statement triggers in the same transaction as every write to brands,
 * commitments, findings and closures, and backfilled here. Each row holds for the days from computed_on up
 * to valid_until (the next day on which a recorded date changes an answer); readers recompute rows that do
 * not hold on their day (src/catalogue/brands/brand-standing.sql.ts), and the worker refreshes them daily.
 * One trigger per event: Postgres allows transition tables only on single-event triggers.
 */
export class BrandStandings1796730000000 implements MigrationInterface {
  name = 'BrandStandings1796730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "brand_standings" (
        "id" uuid NOT NULL,
        "slug" character varying(100) NOT NULL,
        "status" character varying(16) NOT NULL,
        "sectors" text array NOT NULL,
        "hq_country" character(2),
        "company_id" uuid,
        "commitment_types" text array NOT NULL,
        "exposed" boolean NOT NULL,
        "listed_supplier" boolean NOT NULL,
        "computed_on" date NOT NULL,
        "valid_until" date,
        CONSTRAINT "pk_brand_standings" PRIMARY KEY ("id"),
        CONSTRAINT "fk_brand_standings_brand" FOREIGN KEY ("id") REFERENCES "brands"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "idx_brand_standings_slug" ON "brand_standings" ("slug")`);
    // The sector and country filters of the list and facets: bitmap scans visit only the matching rows.
    await queryRunner.query(
      `CREATE INDEX "idx_brand_standings_sectors" ON "brand_standings" USING gin ("sectors")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_brand_standings_hq_country" ON "brand_standings" ("hq_country")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_brand_standings_valid_until" ON "brand_standings" ("valid_until") WHERE valid_until IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION refresh_brand_standings(brand_ids uuid[], as_of date) RETURNS void
      LANGUAGE sql VOLATILE AS $$${REFRESH_BODY}$$`);
    await queryRunner.query(`
      CREATE FUNCTION refresh_brand_standings_of(brand_ids uuid[], company_ids uuid[]) RETURNS void
      LANGUAGE sql VOLATILE AS $$
        SELECT refresh_brand_standings(ARRAY(
          SELECT id FROM brands WHERE id = ANY (brand_ids)
          UNION SELECT id FROM brands WHERE company_id = ANY (company_ids)), ${TODAY})
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION brand_standings_after_brands() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_brand_standings(ARRAY(SELECT id FROM new_rows), ${TODAY});
        RETURN NULL;
      END $$`);
    await queryRunner.query(claimsTriggerFunction('brand_standings_after_claims', false));
    await queryRunner.query(claimsTriggerFunction('brand_standings_after_closures', true));
    for (const event of ['INSERT', 'UPDATE']) {
      await queryRunner.query(`
        CREATE TRIGGER "trg_brands_standings_${event.toLowerCase()}" AFTER ${event} ON "brands"
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION brand_standings_after_brands()`);
    }
    for (const [table, fn] of [
      ['commitments', 'brand_standings_after_claims'],
      ['exposure_findings', 'brand_standings_after_claims'],
      ['finding_closures', 'brand_standings_after_closures'],
    ]) {
      for (const [event, tables] of [
        ['INSERT', 'NEW TABLE AS new_rows'],
        ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
        ['DELETE', 'OLD TABLE AS old_rows'],
      ]) {
        await queryRunner.query(`
          CREATE TRIGGER "trg_${table}_standings_${event.toLowerCase()}" AFTER ${event} ON "${table}"
            REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      }
    }
    await queryRunner.query(`SELECT refresh_brand_standings(ARRAY(SELECT id FROM brands), ${TODAY})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['commitments', 'exposure_findings', 'finding_closures']) {
      for (const event of ['insert', 'update', 'delete']) {
        await queryRunner.query(`DROP TRIGGER "trg_${table}_standings_${event}" ON "${table}"`);
      }
    }
    await queryRunner.query(`DROP TRIGGER "trg_brands_standings_update" ON "brands"`);
    await queryRunner.query(`DROP TRIGGER "trg_brands_standings_insert" ON "brands"`);
    await queryRunner.query(`DROP FUNCTION brand_standings_after_closures()`);
    await queryRunner.query(`DROP FUNCTION brand_standings_after_claims()`);
    await queryRunner.query(`DROP FUNCTION brand_standings_after_brands()`);
    await queryRunner.query(`DROP FUNCTION refresh_brand_standings_of(uuid[], uuid[])`);
    await queryRunner.query(`DROP FUNCTION refresh_brand_standings(uuid[], date)`);
    await queryRunner.query(`DROP TABLE "brand_standings"`);
  }
}
