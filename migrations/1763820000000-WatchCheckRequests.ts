import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A requested check ("check now") is kept in Postgres as well as queued, so a Redis that loses its data
 * cannot lose it: reconcile queues again every request no check has answered since.
 */
export class WatchCheckRequests1763820000000 implements MigrationInterface {
  name = 'WatchCheckRequests1763820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "watches" ADD "check_requested_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "watches" DROP COLUMN "check_requested_at"`);
  }
}
