import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Screening flags: a new entity-list entry that looks like a tracked brand's supplier, one per brand and
 * entry. Generated from the entity.
 */
export class ScreeningFlags1763900000200 implements MigrationInterface {
  name = 'ScreeningFlags1763900000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "screening_flags" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid NOT NULL,
        "entry_id" uuid NOT NULL,
        "significance" character varying(10) NOT NULL,
        "suppliers" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_screening_flags_significance" CHECK (significance IN ('minor', 'major')),
        CONSTRAINT "PK_ca22be43367285ef1b395a252fb" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE INDEX "idx_screening_flags_created" ON "screening_flags" ("created_at", "id")
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_screening_flags_brand_entry" ON "screening_flags" ("brand_id", "entry_id")
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_flags"
      ADD CONSTRAINT "fk_screening_flags_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_flags"
      ADD CONSTRAINT "fk_screening_flags_entry" FOREIGN KEY ("entry_id") REFERENCES "entity_list_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "screening_flags" DROP CONSTRAINT "fk_screening_flags_entry"
    `);
    await queryRunner.query(`
      ALTER TABLE "screening_flags" DROP CONSTRAINT "fk_screening_flags_brand"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_screening_flags_brand_entry"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."idx_screening_flags_created"
    `);
    await queryRunner.query(`
      DROP TABLE "screening_flags"
    `);
  }
}
