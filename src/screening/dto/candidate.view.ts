import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ScreeningCandidate } from '../candidates/screening-candidate.entity';

export class CandidateSupplierView {
  @ApiProperty({ description: "The supplier's id in its list (supplier_id)" })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiPropertyOptional()
  address!: string | null;
  @ApiPropertyOptional()
  country!: string | null;
  @ApiProperty({ format: 'uuid' })
  supplierListId!: string;
}

export class CandidateEntityView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ description: "The entry's id in its list (entity_id)" })
  externalId!: string;
  @ApiProperty()
  name!: string;
  @ApiPropertyOptional()
  nameZh!: string | null;
  @ApiPropertyOptional()
  listSection!: string | null;
  @ApiPropertyOptional()
  addedOn!: string | null;
}

export class CandidateView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  brandId!: string;
  @ApiProperty({ type: CandidateSupplierView })
  supplier!: CandidateSupplierView;
  @ApiProperty({ type: CandidateEntityView })
  entity!: CandidateEntityView;
  @ApiProperty({ minimum: 0, maximum: 1 })
  score!: number;
  @ApiProperty({ enum: ['match', 'possible'] })
  decision!: 'match' | 'possible';
  @ApiProperty({ type: [String] })
  reasons!: string[];
  @ApiProperty({ enum: ['open', 'confirmed', 'dismissed'] })
  state!: string;
  @ApiPropertyOptional({ format: 'uuid' })
  findingId!: string | null;
  @ApiProperty()
  createdAt!: string;
}

/** Needs the candidate with its facility and entry joined (CandidatesRepository.page). */
export function toCandidateView(candidate: ScreeningCandidate): CandidateView {
  const { facility, entry } = candidate;
  if (!facility || !entry) throw new Error('toCandidateView needs the facility and the entry joined');
  return {
    id: candidate.id,
    brandId: candidate.brandId,
    supplier: {
      id: facility.externalId,
      name: facility.name,
      address: facility.address,
      country: facility.country,
      supplierListId: facility.supplierListId,
    },
    entity: {
      id: entry.id,
      externalId: entry.externalId,
      name: entry.name,
      nameZh: entry.nameZh,
      listSection: entry.listSection,
      addedOn: entry.addedOn,
    },
    score: candidate.score,
    decision: candidate.decision,
    reasons: candidate.reasons,
    state: candidate.state,
    findingId: candidate.findingId,
    createdAt: candidate.createdAt.toISOString(),
  };
}
