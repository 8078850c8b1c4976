import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue: companies, brands, commitments, exposure findings, evidence and the links between them.
 * Generated from the entities, then edited by hand: column order, and the indexes TypeORM cannot describe
 * (trigram, GIN, partial, INCLUDE), each named after the query it serves (see docs/data-model.md).
 * Types are text with CHECK constraints rather than Postgres enums: commitment types are meant to grow,
 * and a CHECK can be replaced inside one transactional migration.
 */
export class Catalogue1763750000000 implements MigrationInterface {
  name = 'Catalogue1763750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const review = (table: string) => `
        "status" character varying(16) NOT NULL DEFAULT 'draft',
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "submitted_at" TIMESTAMP WITH TIME ZONE,
        "reviewed_by" uuid,
        "reviewed_at" TIMESTAMP WITH TIME ZONE,
        "review_note" text,
        CONSTRAINT "chk_${table}_status" CHECK (status IN ('draft', 'submitted', 'verified', 'rejected')),
        CONSTRAINT "chk_${table}_reviewed" CHECK ((status IN ('verified', 'rejected')) = (reviewed_at IS NOT NULL)),
        CONSTRAINT "chk_${table}_rejection_note" CHECK (status <> 'rejected' OR review_note IS NOT NULL),
        CONSTRAINT "fk_${table}_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_${table}_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION`;

    // Name and aliases as one lower-cased string, for trigram search. array_to_string is only STABLE in
    // general, but on text[] it cannot change, so this wrapper may honestly be IMMUTABLE (needed to index it).
    await queryRunner.query(`
      CREATE FUNCTION catalogue_search_text(name text, aliases text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT lower(name || ' ' || array_to_string(aliases, ' ')) $$`);

    await queryRunner.query(`
      CREATE TABLE "companies" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" character varying(100) NOT NULL,
        "name" text NOT NULL,
        "aliases" text array NOT NULL DEFAULT '{}',
        "country" character(2),
        "website" text,
        "wikidata_id" character varying(20),
        "lei" character(20),${review('companies')},
        CONSTRAINT "PK_d4bc3e82a314fa9e29f652c2c22" PRIMARY KEY ("id"),
        CONSTRAINT "uq_companies_slug" UNIQUE ("slug"),
        CONSTRAINT "chk_companies_slug" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
        CONSTRAINT "chk_companies_country" CHECK (country ~ '^[A-Z]{2}$'),
        CONSTRAINT "chk_companies_wikidata_id" CHECK (wikidata_id ~ '^Q[1-9][0-9]*$'),
        CONSTRAINT "chk_companies_lei" CHECK (lei ~ '^[A-Z0-9]{18}[0-9]{2}$')
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_companies_names_trgm" ON "companies" USING gin (catalogue_search_text(name, aliases) gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE "brands" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" character varying(100) NOT NULL,
        "name" text NOT NULL,
        "aliases" text array NOT NULL DEFAULT '{}',
        "company_id" uuid,
        "sectors" text array NOT NULL DEFAULT '{}',
        "hq_country" character(2),
        "website" text,
        "wikidata_id" character varying(20),
        "lei" character(20),
        "open_supply_hub_id" character varying(100),${review('brands')},
        CONSTRAINT "PK_b0c437120b624da1034a81fc561" PRIMARY KEY ("id"),
        CONSTRAINT "uq_brands_slug" UNIQUE ("slug"),
        CONSTRAINT "chk_brands_slug" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
        CONSTRAINT "chk_brands_hq_country" CHECK (hq_country ~ '^[A-Z]{2}$'),
        CONSTRAINT "chk_brands_wikidata_id" CHECK (wikidata_id ~ '^Q[1-9][0-9]*$'),
        CONSTRAINT "chk_brands_lei" CHECK (lei ~ '^[A-Z0-9]{18}[0-9]{2}$'),
        CONSTRAINT "fk_brands_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "idx_brands_company" ON "brands" ("company_id")`);
    // The public list: verified brands in slug order (keyset pagination walks this index).
    await queryRunner.query(
      `CREATE INDEX "idx_brands_verified_slug" ON "brands" ("slug") WHERE status = 'verified'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_brands_names_trgm" ON "brands" USING gin (catalogue_search_text(name, aliases) gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_brands_sectors" ON "brands" USING gin ("sectors")`);
    await queryRunner.query(`CREATE INDEX "idx_brands_hq_country" ON "brands" ("hq_country", "slug")`);

    await queryRunner.query(`
      CREATE TABLE "commitments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid,
        "company_id" uuid,
        "type" character varying(40) NOT NULL,
        "scope" jsonb NOT NULL DEFAULT '{}',
        "stated_on" date NOT NULL,
        "stated_on_precision" character varying(10) NOT NULL,
        "effective_on" date NOT NULL,
        "summary" text NOT NULL,
        "supersedes_id" uuid,${review('commitments')},
        CONSTRAINT "PK_82060edcfe810ce82b7565521af" PRIMARY KEY ("id"),
        CONSTRAINT "chk_commitments_one_subject" CHECK (num_nonnulls(brand_id, company_id) = 1),
        CONSTRAINT "chk_commitments_type" CHECK (type IN ('call_to_action_public', 'call_to_action_private',
          'third_party_pledge', 'policy_no_region_sourcing', 'policy_direct_suppliers_only', 'denial', 'retraction',
          'no_commitment')),
        CONSTRAINT "chk_commitments_precision" CHECK (stated_on_precision IN ('day', 'month', 'year', 'known_by')),
        CONSTRAINT "chk_commitments_effective_on" CHECK (effective_on = CASE stated_on_precision
          WHEN 'month' THEN (date_trunc('month', stated_on::timestamp) + interval '1 month - 1 day')::date
          WHEN 'year' THEN (date_trunc('year', stated_on::timestamp) + interval '1 year - 1 day')::date
          ELSE stated_on END),
        CONSTRAINT "chk_commitments_scope_object" CHECK (jsonb_typeof(scope) = 'object'),
        CONSTRAINT "chk_commitments_not_self_superseding" CHECK (supersedes_id <> id),
        CONSTRAINT "fk_commitments_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_commitments_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_commitments_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "commitments"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    // The as-of query probes, per brand: its own and its group's verified commitments up to a date...
    await queryRunner.query(`
      CREATE INDEX "idx_commitments_brand_in_force" ON "commitments" ("brand_id", "effective_on")
        INCLUDE ("type") WHERE status = 'verified' AND brand_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX "idx_commitments_company_in_force" ON "commitments" ("company_id", "effective_on")
        INCLUDE ("type") WHERE status = 'verified' AND company_id IS NOT NULL`);
    // ...the verified retractions that may end them...
    await queryRunner.query(`
      CREATE INDEX "idx_commitments_brand_retractions" ON "commitments" ("brand_id", "effective_on")
        WHERE status = 'verified' AND type = 'retraction' AND brand_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX "idx_commitments_company_retractions" ON "commitments" ("company_id", "effective_on")
        WHERE status = 'verified' AND type = 'retraction' AND company_id IS NOT NULL`);
    // ...and the verified successors that supersede them.
    await queryRunner.query(`
      CREATE INDEX "idx_commitments_superseded_by" ON "commitments" ("supersedes_id", "effective_on")
        WHERE status = 'verified' AND supersedes_id IS NOT NULL`);
    // A subject's timeline, newest first, every status (also serves the foreign-key checks).
    await queryRunner.query(
      `CREATE INDEX "idx_commitments_brand_timeline" ON "commitments" ("brand_id", "stated_on" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_commitments_company_timeline" ON "commitments" ("company_id", "stated_on" DESC, "id" DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE "exposure_findings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid,
        "company_id" uuid,
        "kind" character varying(40) NOT NULL,
        "report_name" text,
        "published_on" date NOT NULL,
        "published_on_precision" character varying(10) NOT NULL,
        "effective_on" date NOT NULL,
        "finding" text NOT NULL,
        "response" character varying(40) NOT NULL DEFAULT 'unknown',
        "ended_on" date,${review('exposure_findings')},
        CONSTRAINT "PK_2c37ce8ceeddf1296450946bcf2" PRIMARY KEY ("id"),
        CONSTRAINT "chk_exposure_findings_one_subject" CHECK (num_nonnulls(brand_id, company_id) = 1),
        CONSTRAINT "chk_exposure_findings_kind" CHECK (kind IN ('named_in_report', 'uflpa_entity_list_supplier',
          'own_facility_in_region', 'other')),
        CONSTRAINT "chk_exposure_findings_response" CHECK (response IN ('responded_and_acted',
          'responded_without_action', 'did_not_respond', 'unknown')),
        CONSTRAINT "chk_exposure_findings_precision" CHECK (published_on_precision IN ('day', 'month', 'year',
          'known_by')),
        CONSTRAINT "chk_exposure_findings_effective_on" CHECK (effective_on = CASE published_on_precision
          WHEN 'month' THEN (date_trunc('month', published_on::timestamp) + interval '1 month - 1 day')::date
          WHEN 'year' THEN (date_trunc('year', published_on::timestamp) + interval '1 year - 1 day')::date
          ELSE published_on END),
        CONSTRAINT "chk_exposure_findings_ended_after_start" CHECK (ended_on >= published_on),
        CONSTRAINT "fk_exposure_findings_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_exposure_findings_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    // The `exposed` filter: does a brand (or its group) have a verified finding known by a date?
    await queryRunner.query(`
      CREATE INDEX "idx_exposure_findings_brand_verified" ON "exposure_findings" ("brand_id", "effective_on")
        WHERE status = 'verified' AND brand_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX "idx_exposure_findings_company_verified" ON "exposure_findings" ("company_id", "effective_on")
        WHERE status = 'verified' AND company_id IS NOT NULL`);
    // The findings list, newest first, whole or for one brand or group.
    await queryRunner.query(
      `CREATE INDEX "idx_exposure_findings_created" ON "exposure_findings" ("created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_exposure_findings_brand" ON "exposure_findings" ("brand_id", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_exposure_findings_company" ON "exposure_findings" ("company_id", "created_at" DESC, "id" DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE "evidence" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "url" text,
        "document_ref" character varying(300),
        "title" text,
        "publisher" text,
        "kind" character varying(40) NOT NULL,
        "published_on" date,
        "accessed_on" date,${review('evidence')},
        CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"),
        CONSTRAINT "chk_evidence_source" CHECK (num_nonnulls(url, document_ref) >= 1),
        CONSTRAINT "chk_evidence_url_http" CHECK (url ~ '^https?://'),
        CONSTRAINT "chk_evidence_kind" CHECK (kind IN ('company_statement', 'ngo_report', 'news', 'government_list',
          'court_filing', 'other'))
      )`);
    // Find-or-create by URL (the importer), and the evidence list newest first.
    await queryRunner.query(`CREATE INDEX "idx_evidence_url" ON "evidence" ("url")`);
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_created" ON "evidence" ("created_at" DESC, "id" DESC)`,
    );

    for (const [table, column, target] of [
      ['commitment_evidence', 'commitment_id', 'commitments'],
      ['finding_evidence', 'finding_id', 'exposure_findings'],
    ]) {
      const primaryKey =
        table === 'commitment_evidence' ? 'PK_5fc393143942b489e30cb207423' : 'PK_232a9b1131d42eda7f640ab78b5';
      const owner = column.replace(/_id$/, '');
      // A link means nothing without both ends, so it goes with either.
      await queryRunner.query(`
        CREATE TABLE "${table}" (
          "${column}" uuid NOT NULL,
          "evidence_id" uuid NOT NULL,
          "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
          CONSTRAINT "${primaryKey}" PRIMARY KEY ("${column}", "evidence_id"),
          CONSTRAINT "fk_${table}_${owner}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id")
            ON DELETE CASCADE ON UPDATE NO ACTION,
          CONSTRAINT "fk_${table}_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id")
            ON DELETE CASCADE ON UPDATE NO ACTION
        )`);
      await queryRunner.query(`CREATE INDEX "idx_${table}_evidence" ON "${table}" ("evidence_id")`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "finding_evidence"`);
    await queryRunner.query(`DROP TABLE "commitment_evidence"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP TABLE "exposure_findings"`);
    await queryRunner.query(`DROP TABLE "commitments"`);
    await queryRunner.query(`DROP TABLE "brands"`);
    await queryRunner.query(`DROP TABLE "companies"`);
    await queryRunner.query(`DROP FUNCTION catalogue_search_text(text, text[])`);
  }
}
