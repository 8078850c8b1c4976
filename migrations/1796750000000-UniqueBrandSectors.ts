import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A brand's sectors name each sector once. The API accepted a sector twice until now (the DTOs refuse it from
 * this release), and such a brand was counted twice in that sector's facets. Keeps the first place of each.
 * Not undone: the duplicates carried no meaning.
 */
export class UniqueBrandSectors1796750000000 implements MigrationInterface {
  name = 'UniqueBrandSectors1796750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE brands SET sectors = ARRAY(
        SELECT sector FROM unnest(sectors) WITH ORDINALITY AS named(sector, place)
        GROUP BY sector ORDER BY min(place))
      WHERE cardinality(sectors) > (SELECT count(DISTINCT sector) FROM unnest(sectors) AS named(sector))`);
  }

  public async down(): Promise<void> {
    // Nothing to restore: a sector named twice said nothing a sector named once does not.
  }
}
