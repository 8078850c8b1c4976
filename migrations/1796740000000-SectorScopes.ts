import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCOPED_BUMP } from './1796710000000-ScopedPublicVersions';

/**
 * Issue 19, the aggregate split by sector: a change stamps, beside its brands' and companies' scopes, `s:<key>`
 * for every sector of every brand it reaches. The catalogue's list and facets filtered by one sector show only
 * that sector's brands (facets count within the filters), so they are keyed on that scope instead of the
 * aggregate version, and a verification in one sector no longer re-renders every other sector's list.
 *
 * Two places learn the sectors: public_scopes_of (the brands a change reaches, read at commit) and the brands
 * branch of the trigger, which adds the sectors of the row as it was, so a brand moved out of a sector or
 * deleted leaves that sector's list too. Everything else in the trigger is as 1796710000000 wrote it.
 */
export class SectorScopes1796740000000 implements MigrationInterface {
  name = 'SectorScopes1796740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(scopesOf(SECTORS_OF_REACHED_BRANDS));
    await queryRunner.query(sectorScopedBump());
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(SCOPED_BUMP);
    await queryRunner.query(scopesOf(''));
  }
}

const SECTORS_OF_REACHED_BRANDS = `
          UNION ALL
          SELECT 's:' || unnest(b.sectors) FROM brands b
            WHERE b.id = ANY(brand_ids) OR b.company_id = ANY(company_ids)`;

/** public_scopes_of as 1796710000000 made it, with `extra` scopes added to the union. */
function scopesOf(extra: string): string {
  return `
      CREATE OR REPLACE FUNCTION public_scopes_of(brand_ids uuid[], company_ids uuid[]) RETURNS text[]
      LANGUAGE sql STABLE AS $$
        SELECT coalesce(array_agg(DISTINCT scope), '{}'::text[]) FROM (
          SELECT unnest(ARRAY['b:' || b.slug, 'b:' || b.id::text]) AS scope FROM brands b
            WHERE b.id = ANY(brand_ids) OR b.company_id = ANY(company_ids)
          UNION ALL
          SELECT unnest(ARRAY['c:' || c.slug, 'c:' || c.id::text]) FROM companies c
            WHERE c.id = ANY(company_ids) OR c.id IN (SELECT company_id FROM brands WHERE id = ANY(brand_ids))${extra}
        ) scopes
      $$`;
}

/** The old refs of a changed brand row, as the earlier trigger names them. */
const OLD_BRAND_REFS = `scopes := ARRAY['b:' || (old_row->>'slug'), 'b:' || (old_row->>'id')];`;
/** The same, and the sectors the row was in. */
const OLD_BRAND_REFS_AND_SECTORS = `scopes := ARRAY['b:' || (old_row->>'slug'), 'b:' || (old_row->>'id')]
          || ARRAY(SELECT 's:' || jsonb_array_elements_text(coalesce(old_row->'sectors', '[]'::jsonb)));`;

/** The earlier trigger function with the brands branch changed, and nothing else. */
function sectorScopedBump(): string {
  if (SCOPED_BUMP.split(OLD_BRAND_REFS).length !== 2) {
    throw new Error('SectorScopes: the brands branch of the scoped trigger was not found exactly once');
  }
  return SCOPED_BUMP.replace(OLD_BRAND_REFS, OLD_BRAND_REFS_AND_SECTORS);
}
