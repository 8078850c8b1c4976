import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks told about new major flags, and the outbox of their deliveries. Generated, then tidied. */
export class Webhooks1763780000000 implements MigrationInterface {
  name = 'Webhooks1763780000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhooks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(120) NOT NULL,
        "team" character varying(120),
        "url" text NOT NULL,
        "secret" text NOT NULL,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id"),
        CONSTRAINT "fk_webhooks_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "idx_webhooks_created" ON "webhooks" ("created_at")`);
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "webhook_id" uuid NOT NULL,
        "flag_id" uuid NOT NULL,
        "notice" jsonb NOT NULL,
        "state" character varying(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT '0',
        "last_status" integer,
        "last_error" text,
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_webhook_deliveries_state" CHECK (state IN ('pending', 'delivered', 'failed')),
        CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"),
        CONSTRAINT "fk_webhook_deliveries_webhook" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id")
          ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    // The reconcile pass: deliveries still to make, oldest first.
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_deliveries_pending" ON "webhook_deliveries" ("created_at") WHERE state = 'pending'`,
    );
    // One delivery per webhook and flag, however often the flag is announced.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_webhook_deliveries_flag" ON "webhook_deliveries" ("webhook_id", "flag_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
  }
}
