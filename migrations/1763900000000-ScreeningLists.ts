import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supplier screening (docs/screening.md): entity lists and their entries, each entry's names reduced to a
 * match key, and brands' supplier lists as dated versions of facilities. Generated from the entities, then
 * given the trigram indexes (pg_trgm, enabled by EnablePostgresExtensions) that find candidate pairs before
 * the full comparison in src/screening/matching.
 */
export class ScreeningLists1763900000000 implements MigrationInterface {
  name = 'ScreeningLists1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "entity_lists" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" character varying(60) NOT NULL,
        "name" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_676fe6ae00ebfc8ae28dacaf3c0" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_entity_lists_slug" ON "entity_lists" ("slug")
    `);
    await queryRunner.query(`
      CREATE TABLE "entity_list_entries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "list_id" uuid NOT NULL,
        "external_id" character varying(200) NOT NULL,
        "name" character varying(500) NOT NULL,
        "aliases" text array NOT NULL DEFAULT '{}',
        "name_zh" character varying(500),
        "address" character varying(1000),
        "country" character varying(100),
        "list_section" character varying(200),
        "added_on" date,
        "removed_on" date,
        "source_url" text,
        "source_evidence_id" uuid,
        "uncertain_reason" text,
        "content_hash" character(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_f0ecad35a135143dcba84ed8d4b" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_entity_list_entries_list_external" ON "entity_list_entries" ("list_id", "external_id")
    `);
    await queryRunner.query(`
      CREATE TABLE "entity_list_entry_names" (
        "entry_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        "match_key" text NOT NULL,
        CONSTRAINT "PK_28d3fcd623d0dcf26b908be2d66" PRIMARY KEY ("entry_id", "position")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "supplier_lists" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid NOT NULL,
        "published_on" date NOT NULL,
        "source_evidence_id" uuid,
        "file_sha256" character(64) NOT NULL,
        "facility_count" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_a2dd95b8cbeacfcbbd8d9589f5c" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE INDEX "idx_supplier_lists_brand_published" ON "supplier_lists" ("brand_id", "published_on")
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_supplier_lists_brand_file" ON "supplier_lists" ("brand_id", "file_sha256")
    `);
    await queryRunner.query(`
      CREATE TABLE "supplier_facilities" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "supplier_list_id" uuid NOT NULL,
        "external_id" character varying(200) NOT NULL,
        "name" character varying(500) NOT NULL,
        "address" character varying(1000),
        "country" character varying(100),
        "os_id" character varying(50),
        "match_key" text NOT NULL,
        "content_hash" character(64) NOT NULL,
        CONSTRAINT "PK_81a175765551e1944c07921c208" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_supplier_facilities_list_external" ON "supplier_facilities" ("supplier_list_id", "external_id")
    `);
    await queryRunner.query(`
      ALTER TABLE "entity_list_entries"
      ADD CONSTRAINT "fk_entity_list_entries_list" FOREIGN KEY ("list_id") REFERENCES "entity_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "entity_list_entries"
      ADD CONSTRAINT "fk_entity_list_entries_source_evidence" FOREIGN KEY ("source_evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "entity_list_entry_names"
      ADD CONSTRAINT "fk_entity_list_entry_names_entry" FOREIGN KEY ("entry_id") REFERENCES "entity_list_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "supplier_lists"
      ADD CONSTRAINT "fk_supplier_lists_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "supplier_lists"
      ADD CONSTRAINT "fk_supplier_lists_source_evidence" FOREIGN KEY ("source_evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "supplier_facilities"
      ADD CONSTRAINT "fk_supplier_facilities_list" FOREIGN KEY ("supplier_list_id") REFERENCES "supplier_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);

    // Candidate search: a facility's key against every entry name's key by trigram similarity (the % operator).
    await queryRunner.query(`
      CREATE INDEX "idx_entity_list_entry_names_key_trgm" ON "entity_list_entry_names" USING gin ("match_key" gin_trgm_ops)
    `);
    // The other way round: facilities like a newly listed entry's names, when the list grows.
    await queryRunner.query(`
      CREATE INDEX "idx_supplier_facilities_key_trgm" ON "supplier_facilities" USING gin ("match_key" gin_trgm_ops)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_supplier_facilities_key_trgm"`);
    await queryRunner.query(`DROP INDEX "idx_entity_list_entry_names_key_trgm"`);
    await queryRunner.query(`
      ALTER TABLE "supplier_facilities" DROP CONSTRAINT "fk_supplier_facilities_list"
    `);
    await queryRunner.query(`
      ALTER TABLE "supplier_lists" DROP CONSTRAINT "fk_supplier_lists_source_evidence"
    `);
    await queryRunner.query(`
      ALTER TABLE "supplier_lists" DROP CONSTRAINT "fk_supplier_lists_brand"
    `);
    await queryRunner.query(`
      ALTER TABLE "entity_list_entry_names" DROP CONSTRAINT "fk_entity_list_entry_names_entry"
    `);
    await queryRunner.query(`
      ALTER TABLE "entity_list_entries" DROP CONSTRAINT "fk_entity_list_entries_source_evidence"
    `);
    await queryRunner.query(`
      ALTER TABLE "entity_list_entries" DROP CONSTRAINT "fk_entity_list_entries_list"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_supplier_facilities_list_external"
    `);
    await queryRunner.query(`
      DROP TABLE "supplier_facilities"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_supplier_lists_brand_file"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."idx_supplier_lists_brand_published"
    `);
    await queryRunner.query(`
      DROP TABLE "supplier_lists"
    `);
    await queryRunner.query(`
      DROP TABLE "entity_list_entry_names"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_entity_list_entries_list_external"
    `);
    await queryRunner.query(`
      DROP TABLE "entity_list_entries"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_entity_lists_slug"
    `);
    await queryRunner.query(`
      DROP TABLE "entity_lists"
    `);
  }
}
