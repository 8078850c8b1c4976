import type { MigrationInterface, QueryRunner } from 'typeorm';

/** pg_trgm serves the fuzzy name and alias search of brands and companies. */
export class EnablePostgresExtensions1763730000000 implements MigrationInterface {
  name = 'EnablePostgresExtensions1763730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
