import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified means reviewed (issue 15): a change to a verified brand's or company's public fields waits here,
 * one per record, until a reviewer other than its author verifies or rejects it. The record keeps its
 * verified values meanwhile. The partial unique indexes allow one pending revision per brand and per company.
 */
export class ProposedRevisions1796529000000 implements MigrationInterface {
  name = 'ProposedRevisions1796529000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "proposed_revisions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid,
        "company_id" uuid,
        "changes" jsonb NOT NULL,
        "proposed_by_id" uuid NOT NULL,
        "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_proposed_revisions_one_subject" CHECK ((brand_id IS NULL) <> (company_id IS NULL)),
        CONSTRAINT "PK_72d560bf4a88c30a011e457cdb5" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_proposed_revisions_brand" ON "proposed_revisions" ("brand_id")
      WHERE brand_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_proposed_revisions_company" ON "proposed_revisions" ("company_id")
      WHERE company_id IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "proposed_revisions" ADD CONSTRAINT "fk_proposed_revisions_brand"
      FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "proposed_revisions" ADD CONSTRAINT "fk_proposed_revisions_company"
      FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "proposed_revisions" ADD CONSTRAINT "fk_proposed_revisions_proposed_by"
      FOREIGN KEY ("proposed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "proposed_revisions"`);
  }
}
