import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trust chain (issue 13): findings that end, as records of their own (`finding_closures`, with their
 * evidence), reviewed like every claim; retractions that name what they retract (`commitments.retracts_id`);
 * and flags that remember the finding confirming them drafted. Generated from the entities, then read.
 */
export class TrustChain1796527219323 implements MigrationInterface {
  name = 'TrustChain1796527219323';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "finding_closures" (
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "review_note" text,
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "finding_id" uuid NOT NULL,
                "brand_id" uuid,
                "company_id" uuid,
                "ended_on" date NOT NULL,
                "reason" character varying(40) NOT NULL,
                "summary" text NOT NULL,
                CONSTRAINT "chk_finding_closures_reason" CHECK (
                    reason IN (
                        'facility_sold',
                        'facility_closed',
                        'relationship_ended',
                        'claim_withdrawn'
                    )
                ),
                CONSTRAINT "chk_finding_closures_one_subject" CHECK (num_nonnulls(brand_id, company_id) = 1),
                CONSTRAINT "chk_finding_closures_status" CHECK (
                    status IN ('draft', 'submitted', 'verified', 'rejected')
                ),
                CONSTRAINT "chk_finding_closures_reviewed" CHECK (
                    (status IN ('verified', 'rejected')) = (reviewed_at IS NOT NULL)
                ),
                CONSTRAINT "chk_finding_closures_rejection_note" CHECK (
                    status <> 'rejected'
                    OR review_note IS NOT NULL
                ),
                CONSTRAINT "PK_5b4479238901aa42177a2f33072" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_finding_closures_finding" ON "finding_closures" ("finding_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "finding_closure_evidence" (
                "closure_id" uuid NOT NULL,
                "evidence_id" uuid NOT NULL,
                "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ebc8a237ea1a30124548da486a3" PRIMARY KEY ("closure_id", "evidence_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_finding_closure_evidence_evidence" ON "finding_closure_evidence" ("evidence_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "commitments"
            ADD "retracts_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "flags"
            ADD "created_finding_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "commitments"
            ADD CONSTRAINT "chk_commitments_retracts_by_retraction" CHECK (
                    retracts_id IS NULL
                    OR (
                        type = 'retraction'
                        AND retracts_id <> id
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "commitments"
            ADD CONSTRAINT "fk_commitments_retracts" FOREIGN KEY ("retracts_id") REFERENCES "commitments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures"
            ADD CONSTRAINT "fk_finding_closures_finding" FOREIGN KEY ("finding_id") REFERENCES "exposure_findings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures"
            ADD CONSTRAINT "fk_finding_closures_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures"
            ADD CONSTRAINT "fk_finding_closures_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures"
            ADD CONSTRAINT "fk_finding_closures_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures"
            ADD CONSTRAINT "fk_finding_closures_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closure_evidence"
            ADD CONSTRAINT "fk_finding_closure_evidence_closure" FOREIGN KEY ("closure_id") REFERENCES "finding_closures"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closure_evidence"
            ADD CONSTRAINT "fk_finding_closure_evidence_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // A closure changes what the public sees once verified, like every reviewed row (PublicDataVersion).
    for (const event of ['insert', 'update', 'delete'] as const) {
      const when = {
        insert: `NEW.status = 'verified'`,
        update: `OLD.status = 'verified' OR NEW.status = 'verified'`,
        delete: `OLD.status = 'verified'`,
      }[event];
      await queryRunner.query(`
        CREATE CONSTRAINT TRIGGER "trg_finding_closures_public_${event}" AFTER ${event.toUpperCase()} ON "finding_closures"
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION bump_public_data_version()`);
    }
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER "trg_finding_closure_evidence_public_change" AFTER INSERT OR DELETE
        ON "finding_closure_evidence" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        EXECUTE FUNCTION bump_public_data_version()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "trg_finding_closure_evidence_public_change" ON "finding_closure_evidence"`,
    );
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER "trg_finding_closures_public_${event}" ON "finding_closures"`);
    }
    await queryRunner.query(`
            ALTER TABLE "finding_closure_evidence" DROP CONSTRAINT "fk_finding_closure_evidence_evidence"
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closure_evidence" DROP CONSTRAINT "fk_finding_closure_evidence_closure"
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures" DROP CONSTRAINT "fk_finding_closures_reviewed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures" DROP CONSTRAINT "fk_finding_closures_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures" DROP CONSTRAINT "fk_finding_closures_company"
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures" DROP CONSTRAINT "fk_finding_closures_brand"
        `);
    await queryRunner.query(`
            ALTER TABLE "finding_closures" DROP CONSTRAINT "fk_finding_closures_finding"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitments" DROP CONSTRAINT "fk_commitments_retracts"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitments" DROP CONSTRAINT "chk_commitments_retracts_by_retraction"
        `);
    await queryRunner.query(`
            ALTER TABLE "flags" DROP COLUMN "created_finding_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "commitments" DROP COLUMN "retracts_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_finding_closure_evidence_evidence"
        `);
    await queryRunner.query(`
            DROP TABLE "finding_closure_evidence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_finding_closures_finding"
        `);
    await queryRunner.query(`
            DROP TABLE "finding_closures"
        `);
  }
}
