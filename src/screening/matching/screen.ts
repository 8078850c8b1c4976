import { Candidate, compareSupplierWithEntity } from './compare';
import { EntityInput, profileEntity, ProfiledEntity, profileSupplier, SupplierInput } from './profile';
import { trigrams } from './similarity';

/**
 * Share of a name's trigrams another name must hold to be compared at all. Generous on purpose: the
 * comparison decides; this only spares it the pairs that cannot be alike (a 6-letter name with one typo
 * still keeps over a third of its trigrams).
 */
const MIN_SHARED_TRIGRAMS = 0.3;

/**
 * The listed entities, read once and indexed by the trigrams of their names, so each supplier is compared
 * only with the entities whose names could be like its own (the same blocking pg_trgm does in Postgres).
 */
export class EntityIndex {
  private readonly entities: ProfiledEntity[];
  private readonly byTrigram = new Map<string, number[]>();
  /** The trigram count of each entity's shortest name: a short listed name may sit inside a long one. */
  private readonly fewestTrigrams: number[] = [];
  /** Entities with a name made only of a place and a trade, compared with every name of the same kind. */
  private readonly unnamed: number[] = [];

  constructor(inputs: EntityInput[]) {
    this.entities = inputs.map(profileEntity);
    this.entities.forEach((entity, position) => {
      this.fewestTrigrams[position] = Number.MAX_SAFE_INTEGER;
      for (const name of entity.names) {
        if (!name.compact) {
          this.unnamed.push(position);
          continue;
        }
        const grams = trigrams(name.compact);
        this.fewestTrigrams[position] = Math.min(this.fewestTrigrams[position], grams.size);
        for (const gram of grams) {
          const postings = this.byTrigram.get(gram) ?? [];
          if (postings[postings.length - 1] !== position) postings.push(position);
          this.byTrigram.set(gram, postings);
        }
      }
    });
  }

  /** Candidates for one supplier, best first. */
  screen(supplierInput: SupplierInput): Candidate[] {
    const supplier = profileSupplier(supplierInput);
    const positions = new Set<number>();
    if (!supplier.name.compact) {
      for (const position of this.unnamed) positions.add(position);
    } else {
      const grams = trigrams(supplier.name.compact);
      const shared = new Map<number, number>();
      for (const gram of grams) {
        for (const position of this.byTrigram.get(gram) ?? [])
          shared.set(position, (shared.get(position) ?? 0) + 1);
      }
      for (const [position, count] of shared) {
        const fewest = Math.min(grams.size, this.fewestTrigrams[position]);
        if (count >= Math.max(1, Math.floor(fewest * MIN_SHARED_TRIGRAMS))) positions.add(position);
      }
    }
    const candidates: Candidate[] = [];
    for (const position of [...positions].sort((a, b) => a - b)) {
      const candidate = compareSupplierWithEntity(supplier, this.entities[position]);
      if (candidate) candidates.push(candidate);
    }
    return candidates.sort((a, b) => b.score - a.score);
  }
}

/** Screens every supplier against every entity; candidates in supplier order, best first within one. */
export function screenSuppliers(entities: EntityInput[], suppliers: Iterable<SupplierInput>): Candidate[] {
  const index = new EntityIndex(entities);
  const candidates: Candidate[] = [];
  for (const supplier of suppliers) candidates.push(...index.screen(supplier));
  return candidates;
}
