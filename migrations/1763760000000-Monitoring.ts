import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The watch pipeline: watches, their checks, snapshots and flags. Generated from the entities, then edited:
 * column order, and the partial unique indexes that make checks idempotent (uq_flags_change: one flag per
 * change between two snapshots; uq_flags_page_gone_open: one page-gone flag until the page comes back).
 */
export class Monitoring1763760000000 implements MigrationInterface {
  name = 'Monitoring1763760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "watches" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "brand_id" uuid NOT NULL,
        "url" text NOT NULL,
        "selector" text,
        "interval_minutes" integer NOT NULL,
        "needs_browser" boolean NOT NULL DEFAULT false,
        "language" character varying(10),
        "active" boolean NOT NULL DEFAULT true,
        "schedule_offset_ms" integer NOT NULL,
        "health" character varying(10) NOT NULL DEFAULT 'healthy',
        "consecutive_failures" integer NOT NULL DEFAULT '0',
        "last_error" text,
        "last_success_at" TIMESTAMP WITH TIME ZONE,
        "last_checked_at" TIMESTAMP WITH TIME ZONE,
        "etag" text,
        "last_modified" text,
        "current_snapshot_id" uuid,
        "gone_since" TIMESTAMP WITH TIME ZONE,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_c5e1fa5d29486c3bdada54343b3" PRIMARY KEY ("id"),
        CONSTRAINT "chk_watches_url_http" CHECK (url ~ '^https?://'),
        CONSTRAINT "chk_watches_interval" CHECK (interval_minutes BETWEEN 5 AND 10080),
        CONSTRAINT "chk_watches_health" CHECK (health IN ('healthy', 'failing', 'unhealthy')),
        CONSTRAINT "chk_watches_offset" CHECK (schedule_offset_ms >= 0),
        CONSTRAINT "fk_watches_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_watches_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "idx_watches_brand" ON "watches" ("brand_id", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_watches_active" ON "watches" ("active", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_watches_health" ON "watches" ("health", "id")`);

    await queryRunner.query(`
      CREATE TABLE "snapshots" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "watch_id" uuid NOT NULL,
        "content_hash" character(64) NOT NULL,
        "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "final_url" text NOT NULL,
        "http_status" integer NOT NULL,
        "via" character varying(10) NOT NULL,
        "title" text NOT NULL,
        "language" character varying(10) NOT NULL,
        "body_sha256" character(64) NOT NULL,
        "text_sha256" character(64) NOT NULL,
        "page_sha256" character(64) NOT NULL,
        "screenshot_sha256" character(64),
        CONSTRAINT "PK_f5661b5fd4224d23e26a631986b" PRIMARY KEY ("id"),
        CONSTRAINT "uq_snapshots_watch_content" UNIQUE ("watch_id", "content_hash"),
        CONSTRAINT "fk_snapshots_watch" FOREIGN KEY ("watch_id") REFERENCES "watches"("id")
          ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_snapshots_watch_fetched" ON "snapshots" ("watch_id", "fetched_at", "id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "watch_checks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "watch_id" uuid NOT NULL,
        "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "outcome" character varying(10) NOT NULL,
        "http_status" integer,
        "duration_ms" integer NOT NULL,
        "via" character varying(10),
        "error" text,
        "snapshot_id" uuid,
        "job_id" text,
        CONSTRAINT "PK_0c70dcae274f62f4a99d1afc62e" PRIMARY KEY ("id"),
        CONSTRAINT "chk_watch_checks_outcome"
          CHECK (outcome IN ('unchanged', 'changed', 'gone', 'returned', 'failed')),
        CONSTRAINT "fk_watch_checks_watch" FOREIGN KEY ("watch_id") REFERENCES "watches"("id")
          ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_watch_checks_watch_checked" ON "watch_checks" ("watch_id", "checked_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "flags" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "watch_id" uuid NOT NULL,
        "brand_id" uuid NOT NULL,
        "kind" character varying(20) NOT NULL,
        "significance" character varying(10) NOT NULL,
        "score" real NOT NULL,
        "added" text array NOT NULL DEFAULT '{}',
        "removed" text array NOT NULL DEFAULT '{}',
        "terms" text array NOT NULL DEFAULT '{}',
        "reasons" text array NOT NULL DEFAULT '{}',
        "old_snapshot_id" uuid,
        "new_snapshot_id" uuid,
        "http_status" integer,
        "returned_at" TIMESTAMP WITH TIME ZONE,
        "status" character varying(10) NOT NULL DEFAULT 'open',
        "resolution_note" text,
        "resolved_by" uuid,
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        "created_commitment_id" uuid,
        "created_evidence_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_ea7e333c92a55de9e9b8d0b9afd" PRIMARY KEY ("id"),
        CONSTRAINT "chk_flags_kind" CHECK (kind IN ('change', 'page_gone')),
        CONSTRAINT "chk_flags_status" CHECK (status IN ('open', 'confirmed', 'dismissed')),
        CONSTRAINT "chk_flags_significance" CHECK (significance IN ('minor', 'major')),
        CONSTRAINT "chk_flags_change_snapshots"
          CHECK (kind <> 'change' OR (old_snapshot_id IS NOT NULL AND new_snapshot_id IS NOT NULL)),
        CONSTRAINT "chk_flags_resolved" CHECK ((status = 'open') = (resolved_at IS NULL)),
        CONSTRAINT "fk_flags_watch" FOREIGN KEY ("watch_id") REFERENCES "watches"("id")
          ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_flags_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_flags_old_snapshot" FOREIGN KEY ("old_snapshot_id") REFERENCES "snapshots"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_flags_new_snapshot" FOREIGN KEY ("new_snapshot_id") REFERENCES "snapshots"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_flags_resolved_by" FOREIGN KEY ("resolved_by") REFERENCES "users"("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    // The reviewers' triage list (status, newest first) and the brand filter.
    await queryRunner.query(
      `CREATE INDEX "idx_flags_status_created" ON "flags" ("status", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_flags_brand_created" ON "flags" ("brand_id", "created_at", "id")`,
    );
    // Idempotency of checks: a retried or duplicated check finds these taken and writes nothing.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_flags_change" ON "flags" ("watch_id", "old_snapshot_id", "new_snapshot_id")
         WHERE kind = 'change'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_flags_page_gone_open" ON "flags" ("watch_id")
         WHERE kind = 'page_gone' AND returned_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "flags"`);
    await queryRunner.query(`DROP TABLE "watch_checks"`);
    await queryRunner.query(`DROP TABLE "snapshots"`);
    await queryRunner.query(`DROP TABLE "watches"`);
  }
}
