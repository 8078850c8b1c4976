import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public pages now say when a capture failed and what the latest link check found, so those changes must
 * move the public-data version too (src/public/cache), or a cached page would go on saying "capture pending"
 * or "link alive". The bump stays once per transaction (bump_public_data_version).
 */
export class HonestEvidenceStates1796540010000 implements MigrationInterface {
  name = 'HonestEvidenceStates1796540010000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_evidence_captures_public_done" ON "evidence_captures"`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER "trg_evidence_captures_public_settled" AFTER INSERT OR UPDATE ON "evidence_captures"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN (NEW.state IN ('done', 'failed')) EXECUTE FUNCTION bump_public_data_version()`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER "trg_link_health_public_state" AFTER UPDATE ON "link_health"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION bump_public_data_version()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_link_health_public_state" ON "link_health"`);
    await queryRunner.query(`DROP TRIGGER "trg_evidence_captures_public_settled" ON "evidence_captures"`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER "trg_evidence_captures_public_done" AFTER INSERT OR UPDATE ON "evidence_captures"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN (NEW.state = 'done') EXECUTE FUNCTION bump_public_data_version()`);
  }
}
