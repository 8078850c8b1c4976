import { ApiProperty } from '@nestjs/swagger';
import type { FlaggedSupplier, ScreeningFlag } from '../flags/screening-flag.entity';

export class ScreeningFlagView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: ['minor', 'major'] })
  significance!: 'minor' | 'major';
  @ApiProperty()
  brand!: { slug: string; name: string };
  @ApiProperty()
  entity!: { id: string; externalId: string; name: string; sourceUrl: string | null };
  @ApiProperty({
    description: 'The brand suppliers that look like the entity, with their candidate in the queue',
  })
  suppliers!: FlaggedSupplier[];
  @ApiProperty()
  createdAt!: string;
}

/** Needs the flag with its brand and entry joined (ScreeningFlagsRepository.page). */
export function toScreeningFlagView(flag: ScreeningFlag): ScreeningFlagView {
  const { brand, entry } = flag;
  if (!brand || !entry) throw new Error('toScreeningFlagView needs the brand and the entry joined');
  return {
    id: flag.id,
    significance: flag.significance,
    brand: { slug: brand.slug, name: brand.name },
    entity: { id: entry.id, externalId: entry.externalId, name: entry.name, sourceUrl: entry.sourceUrl },
    suppliers: flag.suppliers,
    createdAt: flag.createdAt.toISOString(),
  };
}
