import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: a brand's watches can be grouped as one statement in several languages (statement_group), and a
 * version that departs from the others raises one `language_mismatch` flag per pair of versions.
 */
export class StatementGroups1796610000000 implements MigrationInterface {
  name = 'StatementGroups1796610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "watches" ADD "statement_group" character varying(64)`);
    await queryRunner.query(
      `CREATE INDEX "idx_watches_statement_group" ON "watches" ("brand_id", "statement_group")
       WHERE statement_group IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "flags" DROP CONSTRAINT "chk_flags_kind"`);
    await queryRunner.query(
      `ALTER TABLE "flags" ADD CONSTRAINT "chk_flags_kind" CHECK (kind IN ('change', 'page_gone', 'language_mismatch'))`,
    );
    // One flag per pair of disagreeing versions, however many checks see the pair.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_flags_language_mismatch" ON "flags" ("watch_id", "old_snapshot_id", "new_snapshot_id")
       WHERE kind = 'language_mismatch'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_flags_language_mismatch"`);
    await queryRunner.query(`DELETE FROM "flags" WHERE kind = 'language_mismatch'`);
    await queryRunner.query(`ALTER TABLE "flags" DROP CONSTRAINT "chk_flags_kind"`);
    await queryRunner.query(
      `ALTER TABLE "flags" ADD CONSTRAINT "chk_flags_kind" CHECK (kind IN ('change', 'page_gone'))`,
    );
    await queryRunner.query(`DROP INDEX "idx_watches_statement_group"`);
    await queryRunner.query(`ALTER TABLE "watches" DROP COLUMN "statement_group"`);
  }
}
