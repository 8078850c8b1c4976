import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows whose change can alter what anonymous readers see, and when a row of each table counts as public. */
const REVIEWED_TABLES = [
  'companies',
  'brands',
  'commitments',
  'exposure_findings',
  'evidence',
  'disclosures',
];
const LINK_TABLES = ['commitment_evidence', 'finding_evidence', 'disclosure_evidence'];

/**
 * The version of the public data, for caches that must never show a stale verified record (src/public/cache).
 * One row, bumped at most once per transaction that changes anything public: a verified row inserted, edited or
 * deleted, a row becoming or ceasing to be verified, an evidence link added or removed, a capture finished.
 * The bump runs in a deferred constraint trigger, so the row lock is held only while the transaction commits,
 * and the NOTIFY is delivered at commit to every API process listening, with the new version as payload.
 */
export class PublicDataVersion1763810000000 implements MigrationInterface {
  name = 'PublicDataVersion1763810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "public_data_version" (
        "id" smallint NOT NULL DEFAULT 1,
        "version" bigint NOT NULL DEFAULT 1,
        "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_public_data_version" PRIMARY KEY ("id"),
        CONSTRAINT "chk_public_data_version_one_row" CHECK (id = 1)
      )`);
    await queryRunner.query(`INSERT INTO "public_data_version" DEFAULT VALUES`);
    // The transaction-local setting makes every later firing in the same transaction a no-op.
    await queryRunner.query(`
      CREATE FUNCTION bump_public_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        bumped bigint;
      BEGIN
        IF coalesce(current_setting('pledgewatch.public_data_bumped', true), '') = 'yes' THEN
          RETURN NULL;
        END IF;
        PERFORM set_config('pledgewatch.public_data_bumped', 'yes', true);
        UPDATE public_data_version SET version = version + 1, changed_at = now() WHERE id = 1
          RETURNING version INTO bumped;
        PERFORM pg_notify('public_data_version', bumped::text);
        RETURN NULL;
      END $$`);
    const trigger = (name: string, event: string, table: string, when: string) =>
      queryRunner.query(`
        CREATE CONSTRAINT TRIGGER "${name}" AFTER ${event} ON "${table}"
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
          ${when ? `WHEN (${when})` : ''} EXECUTE FUNCTION bump_public_data_version()`);
    for (const table of REVIEWED_TABLES) {
      await trigger(`trg_${table}_public_insert`, 'INSERT', table, `NEW.status = 'verified'`);
      await trigger(
        `trg_${table}_public_update`,
        'UPDATE',
        table,
        `OLD.status = 'verified' OR NEW.status = 'verified'`,
      );
      await trigger(`trg_${table}_public_delete`, 'DELETE', table, `OLD.status = 'verified'`);
    }
    for (const table of LINK_TABLES) {
      await trigger(`trg_${table}_public_change`, 'INSERT OR DELETE', table, '');
    }
    // A finished capture adds the "archived copy" link to every page that shows its evidence.
    await trigger(
      'trg_evidence_captures_public_done',
      'INSERT OR UPDATE',
      'evidence_captures',
      `NEW.state = 'done'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_evidence_captures_public_done" ON "evidence_captures"`);
    for (const table of LINK_TABLES) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_public_change" ON "${table}"`);
    }
    for (const table of REVIEWED_TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        await queryRunner.query(`DROP TRIGGER "trg_${table}_public_${event}" ON "${table}"`);
      }
    }
    await queryRunner.query(`DROP FUNCTION bump_public_data_version()`);
    await queryRunner.query(`DROP TABLE "public_data_version"`);
  }
}
