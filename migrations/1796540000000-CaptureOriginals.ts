import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verifiable captures: beside the original bytes (`body_sha256`, now kept for every capture) a capture keeps
 * the request and response lines and headers of that exchange, so its WACZ export can hold the WARC records
 * of the fetch as it happened. Older captures keep null: their exchange was never recorded.
 */
export class CaptureOriginals1796540000000 implements MigrationInterface {
  name = 'CaptureOriginals1796540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_captures" ADD "http_exchange" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_captures" DROP COLUMN "http_exchange"`);
  }
}
