import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supply-chain disclosures (methodology v1, "Traceability and disclosure"): a brand's or group's supplier
 * list, processing tiers or raw-material traceability, dated like commitments and reviewed like every claim,
 * with their supporting evidence. Generated from the entities, then given the partial indexes the scorecard
 * and the brand timeline read.
 */
export class Disclosures1763800000000 implements MigrationInterface {
  name = 'Disclosures1763800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "disclosures" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid,
        "company_id" uuid,
        "kind" character varying(40) NOT NULL,
        "disclosed_on" date NOT NULL,
        "disclosed_on_precision" character varying(10) NOT NULL,
        "effective_on" date NOT NULL,
        "withdrawn_on" date,
        "url" text NOT NULL,
        "summary" text,
        "status" character varying(16) NOT NULL DEFAULT 'draft',
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "submitted_at" TIMESTAMP WITH TIME ZONE,
        "reviewed_by" uuid,
        "reviewed_at" TIMESTAMP WITH TIME ZONE,
        "review_note" text,
        CONSTRAINT "PK_891a486784239e16ba51491fd1c" PRIMARY KEY ("id"),
        CONSTRAINT "chk_disclosures_one_subject" CHECK (num_nonnulls(brand_id, company_id) = 1),
        CONSTRAINT "chk_disclosures_kind" CHECK (kind IN ('tier1_supplier_list', 'processing_tiers',
          'raw_material_traceability')),
        CONSTRAINT "chk_disclosures_precision" CHECK (disclosed_on_precision IN ('day', 'month', 'year', 'known_by')),
        CONSTRAINT "chk_disclosures_effective_on" CHECK (effective_on = CASE disclosed_on_precision
          WHEN 'month' THEN (date_trunc('month', disclosed_on::timestamp) + interval '1 month - 1 day')::date
          WHEN 'year' THEN (date_trunc('year', disclosed_on::timestamp) + interval '1 year - 1 day')::date
          ELSE disclosed_on END),
        CONSTRAINT "chk_disclosures_withdrawn_after_start" CHECK (withdrawn_on >= disclosed_on),
        CONSTRAINT "chk_disclosures_url_http" CHECK (url ~ '^https?://'),
        CONSTRAINT "chk_disclosures_status" CHECK (status IN ('draft', 'submitted', 'verified', 'rejected')),
        CONSTRAINT "chk_disclosures_reviewed" CHECK ((status IN ('verified', 'rejected')) = (reviewed_at IS NOT NULL)),
        CONSTRAINT "chk_disclosures_rejection_note" CHECK (status <> 'rejected' OR review_note IS NOT NULL),
        CONSTRAINT "fk_disclosures_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_disclosures_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_disclosures_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_disclosures_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    // A brand's disclosures and its group's, newest first (the list and the scorecard's one query).
    await queryRunner.query(
      `CREATE INDEX "idx_disclosures_brand" ON "disclosures" ("brand_id", "disclosed_on" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_disclosures_company" ON "disclosures" ("company_id", "disclosed_on" DESC, "id" DESC)`,
    );
    // A link means nothing without both ends, so it goes with either.
    await queryRunner.query(`
      CREATE TABLE "disclosure_evidence" (
        "disclosure_id" uuid NOT NULL,
        "evidence_id" uuid NOT NULL,
        "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_d4f0a622eaf77238d4781b356da" PRIMARY KEY ("disclosure_id", "evidence_id"),
        CONSTRAINT "fk_disclosure_evidence_disclosure" FOREIGN KEY ("disclosure_id") REFERENCES "disclosures"("id")
          ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_disclosure_evidence_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id")
          ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_disclosure_evidence_evidence" ON "disclosure_evidence" ("evidence_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "disclosure_evidence"`);
    await queryRunner.query(`DROP TABLE "disclosures"`);
  }
}
