import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The screening reviewers' queue: candidate pairs of a supplier facility and a listed entity, remembered by
 * both sides' content hashes so a dismissed pair is not suggested again until one side changes. Generated
 * from the entity.
 */
export class ScreeningCandidates1763900000100 implements MigrationInterface {
  name = 'ScreeningCandidates1763900000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "screening_candidates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid NOT NULL,
        "facility_id" uuid NOT NULL,
        "supplier_external_id" character varying(200) NOT NULL,
        "facility_hash" character(64) NOT NULL,
        "entry_id" uuid NOT NULL,
        "entry_hash" character(64) NOT NULL,
        "score" double precision NOT NULL,
        "decision" character varying(10) NOT NULL,
        "reasons" jsonb NOT NULL,
        "state" character varying(12) NOT NULL DEFAULT 'open',
        "finding_id" uuid,
        "decided_by" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "decision_note" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_screening_candidates_confirmed_finding" CHECK ((state = 'confirmed') = (finding_id IS NOT NULL)),
        CONSTRAINT "chk_screening_candidates_state" CHECK (state IN ('open', 'confirmed', 'dismissed')),
        CONSTRAINT "chk_screening_candidates_decision" CHECK (decision IN ('match', 'possible')),
        CONSTRAINT "PK_04cf5fa4eaa07d263e1ae8a829a" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE INDEX "idx_screening_candidates_queue" ON "screening_candidates" ("state", "created_at", "id")
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_screening_candidates_pair" ON "screening_candidates" (
        "brand_id",
        "supplier_external_id",
        "facility_hash",
        "entry_id",
        "entry_hash"
      )
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_candidates"
      ADD CONSTRAINT "fk_screening_candidates_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_candidates"
      ADD CONSTRAINT "fk_screening_candidates_facility" FOREIGN KEY ("facility_id") REFERENCES "supplier_facilities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_candidates"
      ADD CONSTRAINT "fk_screening_candidates_entry" FOREIGN KEY ("entry_id") REFERENCES "entity_list_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_candidates"
      ADD CONSTRAINT "fk_screening_candidates_finding" FOREIGN KEY ("finding_id") REFERENCES "exposure_findings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_candidates"
      ADD CONSTRAINT "fk_screening_candidates_decided_by" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "screening_candidates" DROP CONSTRAINT "fk_screening_candidates_decided_by"
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_candidates" DROP CONSTRAINT "fk_screening_candidates_finding"
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_candidates" DROP CONSTRAINT "fk_screening_candidates_entry"
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_candidates" DROP CONSTRAINT "fk_screening_candidates_facility"
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_candidates" DROP CONSTRAINT "fk_screening_candidates_brand"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_screening_candidates_pair"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."idx_screening_candidates_queue"
    `);
    await queryRunner.query(`
      DROP TABLE "screening_candidates"
    `);
  }
}
