import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: a verified change invalidates what it can change, not every cached page. The public-data version
 * (1763810000000-PublicDataVersion) stays the counter and the version of the aggregate views (lists, facets,
 * home, feed, exports); beside it, `public_scope_versions` holds the version at which each brand (`b:<slug>`
 * and `b:<id>`, both refs a URL may use) and company (`c:<slug>`, `c:<id>`) last changed, and `*` the version
 * at which every brand and company changed at once (the fallback when a change touches too many to name).
 *
 * The trigger still bumps the counter once per transaction (deferred, so the row lock is held only while
 * committing, which also makes versions commit in order). Every firing then works out, from the row it fired
 * for, which brands and companies can show it, stamps them with the transaction's version and NOTIFYs
 * `<version> <scope> <scope>...`. A payload past NOTIFY's 8000 bytes is replaced by `<version> *`.
 */
export class ScopedPublicVersions1796710000000 implements MigrationInterface {
  name = 'ScopedPublicVersions1796710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "public_scope_versions" (
        "scope" text NOT NULL,
        "version" bigint NOT NULL,
        CONSTRAINT "pk_public_scope_versions" PRIMARY KEY ("scope")
      )`);
    // Read-your-writes and reconnects read what changed since the version they last read.
    await queryRunner.query(
      `CREATE INDEX "idx_public_scope_versions_since" ON "public_scope_versions" ("version")`,
    );
    // A brand's pages show its group's claims and list its siblings, so a group reaches all its brands.
    await queryRunner.query(`
      CREATE FUNCTION public_scopes_of(brand_ids uuid[], company_ids uuid[]) RETURNS text[]
      LANGUAGE sql STABLE AS $$
        SELECT coalesce(array_agg(DISTINCT scope), '{}'::text[]) FROM (
          SELECT unnest(ARRAY['b:' || b.slug, 'b:' || b.id::text]) AS scope FROM brands b
            WHERE b.id = ANY(brand_ids) OR b.company_id = ANY(company_ids)
          UNION ALL
          SELECT unnest(ARRAY['c:' || c.slug, 'c:' || c.id::text]) FROM companies c
            WHERE c.id = ANY(company_ids) OR c.id IN (SELECT company_id FROM brands WHERE id = ANY(brand_ids))
        ) scopes
      $$`);
    // The subjects of every claim (and closure) citing a piece of evidence: its captures and link health too.
    await queryRunner.query(`
      CREATE FUNCTION public_subjects_citing(evidence uuid, OUT brand_ids uuid[], OUT company_ids uuid[])
      LANGUAGE sql STABLE AS $$
        SELECT coalesce(array_agg(brand_id) FILTER (WHERE brand_id IS NOT NULL), '{}'),
               coalesce(array_agg(company_id) FILTER (WHERE company_id IS NOT NULL), '{}')
        FROM (
          SELECT c.brand_id, c.company_id FROM commitment_evidence l
            JOIN commitments c ON c.id = l.commitment_id WHERE l.evidence_id = evidence
          UNION SELECT f.brand_id, f.company_id FROM finding_evidence l
            JOIN exposure_findings f ON f.id = l.finding_id WHERE l.evidence_id = evidence
          UNION SELECT d.brand_id, d.company_id FROM disclosure_evidence l
            JOIN disclosures d ON d.id = l.disclosure_id WHERE l.evidence_id = evidence
          UNION SELECT f.brand_id, f.company_id FROM finding_closure_evidence l
            JOIN finding_closures x ON x.id = l.closure_id
            JOIN exposure_findings f ON f.id = x.finding_id WHERE l.evidence_id = evidence
        ) subjects
      $$`);
    await queryRunner.query(SCOPED_BUMP);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(OLD_BUMP);
    await queryRunner.query(`DROP FUNCTION public_subjects_citing(uuid)`);
    await queryRunner.query(`DROP FUNCTION public_scopes_of(uuid[], uuid[])`);
    await queryRunner.query(`DROP TABLE "public_scope_versions"`);
  }
}

/** Past this a NOTIFY payload (8000 bytes at most) names no scopes: `*` invalidates every brand and company. */
const PAYLOAD_BYTES = 7900;

/**
 * The trigger function every public table's constraint trigger already calls, now scoped. A table it does not
 * know (a trigger added later without a branch here) invalidates everything: too much, never too little.
 */
export const SCOPED_BUMP = `
  CREATE OR REPLACE FUNCTION bump_public_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    bumped bigint := nullif(current_setting('pledgewatch.public_data_bump', true), '')::bigint;
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    brand_ids uuid[] := '{}';
    company_ids uuid[] := '{}';
    scopes text[] := '{}';
    everything boolean := false;
    payload text;
  BEGIN
    IF bumped IS NULL THEN
      UPDATE public_data_version SET version = version + 1, changed_at = now() WHERE id = 1
        RETURNING version INTO bumped;
      PERFORM set_config('pledgewatch.public_data_bump', bumped::text, true);
    END IF;
    CASE TG_TABLE_NAME
      WHEN 'brands' THEN
        brand_ids := ARRAY[(old_row->>'id')::uuid, (new_row->>'id')::uuid];
        company_ids := ARRAY[(old_row->>'company_id')::uuid, (new_row->>'company_id')::uuid];
        -- The old refs: a renamed or deleted brand's pages are no longer found under them at commit.
        scopes := ARRAY['b:' || (old_row->>'slug'), 'b:' || (old_row->>'id')];
      WHEN 'companies' THEN
        company_ids := ARRAY[(old_row->>'id')::uuid, (new_row->>'id')::uuid];
        scopes := ARRAY['c:' || (old_row->>'slug'), 'c:' || (old_row->>'id')];
      WHEN 'commitments', 'exposure_findings', 'disclosures' THEN
        brand_ids := ARRAY[(old_row->>'brand_id')::uuid, (new_row->>'brand_id')::uuid];
        company_ids := ARRAY[(old_row->>'company_id')::uuid, (new_row->>'company_id')::uuid];
      WHEN 'finding_closures' THEN
        SELECT coalesce(array_agg(brand_id), '{}'), coalesce(array_agg(company_id), '{}')
          INTO brand_ids, company_ids FROM exposure_findings
          WHERE id IN ((old_row->>'finding_id')::uuid, (new_row->>'finding_id')::uuid);
      WHEN 'commitment_evidence' THEN
        SELECT ARRAY[brand_id], ARRAY[company_id] INTO brand_ids, company_ids FROM commitments
          WHERE id = (coalesce(new_row, old_row)->>'commitment_id')::uuid;
      WHEN 'finding_evidence' THEN
        SELECT ARRAY[brand_id], ARRAY[company_id] INTO brand_ids, company_ids FROM exposure_findings
          WHERE id = (coalesce(new_row, old_row)->>'finding_id')::uuid;
      WHEN 'disclosure_evidence' THEN
        SELECT ARRAY[brand_id], ARRAY[company_id] INTO brand_ids, company_ids FROM disclosures
          WHERE id = (coalesce(new_row, old_row)->>'disclosure_id')::uuid;
      WHEN 'finding_closure_evidence' THEN
        SELECT ARRAY[f.brand_id], ARRAY[f.company_id] INTO brand_ids, company_ids
          FROM finding_closures x JOIN exposure_findings f ON f.id = x.finding_id
          WHERE x.id = (coalesce(new_row, old_row)->>'closure_id')::uuid;
      WHEN 'evidence' THEN
        SELECT s.brand_ids, s.company_ids INTO brand_ids, company_ids
          FROM public_subjects_citing((coalesce(new_row, old_row)->>'id')::uuid) s;
      WHEN 'evidence_captures', 'link_health' THEN
        SELECT s.brand_ids, s.company_ids INTO brand_ids, company_ids
          FROM public_subjects_citing((coalesce(new_row, old_row)->>'evidence_id')::uuid) s;
      ELSE
        everything := true;
    END CASE;
    IF NOT everything THEN
      scopes := ARRAY(SELECT DISTINCT scope FROM unnest(array_remove(scopes, NULL) || public_scopes_of(
        array_remove(coalesce(brand_ids, '{}'), NULL), array_remove(coalesce(company_ids, '{}'), NULL))) scope);
      payload := rtrim(bumped::text || ' ' || array_to_string(scopes, ' '));
      everything := octet_length(payload) > ${PAYLOAD_BYTES};
    END IF;
    IF everything THEN
      scopes := ARRAY['*'];
      payload := bumped::text || ' *';
    END IF;
    INSERT INTO public_scope_versions (scope, version) SELECT unnest(scopes), bumped
      ON CONFLICT (scope) DO UPDATE SET version = EXCLUDED.version
      WHERE public_scope_versions.version < EXCLUDED.version;
    PERFORM pg_notify('public_data_version', payload);
    RETURN NULL;
  END $$`;

/** 1763810000000-PublicDataVersion's function, as it was: one global version, bumped once per transaction. */
const OLD_BUMP = `
  CREATE OR REPLACE FUNCTION bump_public_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    bumped bigint;
  BEGIN
    IF coalesce(current_setting('pledgewatch.public_data_bumped', true), '') = 'yes' THEN
      RETURN NULL;
    END IF;
    PERFORM set_config('pledgewatch.public_data_bumped', 'yes', true);
    UPDATE public_data_version SET version = version + 1, changed_at = now() WHERE id = 1
      RETURNING version INTO bumped;
    PERFORM pg_notify('public_data_version', bumped::text);
    RETURN NULL;
  END $$`;
