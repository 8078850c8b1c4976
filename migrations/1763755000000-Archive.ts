import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Content-addressed archive of snapshots, screenshots and evidence captures. */
export class Archive1763755000000 implements MigrationInterface {
  name = 'Archive1763755000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "blobs" (
        "sha256" char(64) NOT NULL,
        "media_type" text NOT NULL,
        "size_bytes" integer NOT NULL,
        "encoding" text NOT NULL,
        "content" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_blobs" PRIMARY KEY ("sha256"),
        CONSTRAINT "CHK_blobs_encoding" CHECK ("encoding" IN ('br', 'identity')),
        CONSTRAINT "CHK_blobs_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "blobs"`);
  }
}
