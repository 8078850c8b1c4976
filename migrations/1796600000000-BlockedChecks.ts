import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: checks answered by a bot wall are `blocked` (with the vendor) and PDFs without text `unreadable`,
 * neither a change; a run of walls marks the watch blocked for admins, announced by a `watch.blocked`
 * webhook event next to `flag.raised`.
 */
export class BlockedChecks1796600000000 implements MigrationInterface {
  name = 'BlockedChecks1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "watches" ADD "consecutive_blocks" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "watches" ADD "blocked_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "watches" ADD "blocked_by" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "watch_checks" ADD "blocked_by" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "watch_checks" DROP CONSTRAINT "chk_watch_checks_outcome"`);
    await queryRunner.query(
      `ALTER TABLE "watch_checks" ADD CONSTRAINT "chk_watch_checks_outcome"
       CHECK (outcome IN ('unchanged', 'changed', 'gone', 'returned', 'failed', 'blocked', 'unreadable'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD "event" character varying(32) NOT NULL DEFAULT 'flag.raised'`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "chk_webhook_deliveries_event"
       CHECK (event IN ('flag.raised', 'watch.blocked'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "chk_webhook_deliveries_event"`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP COLUMN "event"`);
    await queryRunner.query(`DELETE FROM "watch_checks" WHERE outcome IN ('blocked', 'unreadable')`);
    await queryRunner.query(`ALTER TABLE "watch_checks" DROP CONSTRAINT "chk_watch_checks_outcome"`);
    await queryRunner.query(
      `ALTER TABLE "watch_checks" ADD CONSTRAINT "chk_watch_checks_outcome"
       CHECK (outcome IN ('unchanged', 'changed', 'gone', 'returned', 'failed'))`,
    );
    await queryRunner.query(`ALTER TABLE "watch_checks" DROP COLUMN "blocked_by"`);
    await queryRunner.query(`ALTER TABLE "watches" DROP COLUMN "blocked_by"`);
    await queryRunner.query(`ALTER TABLE "watches" DROP COLUMN "blocked_since"`);
    await queryRunner.query(`ALTER TABLE "watches" DROP COLUMN "consecutive_blocks"`);
  }
}
