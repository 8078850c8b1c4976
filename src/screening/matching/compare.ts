import { isPinyinWord } from './pinyin-syllables';
import { PLACES, sharedPlace } from './places';
import { NameProfile, ProfiledEntity, ProfiledSupplier } from './profile';
import { nameSimilarity } from './similarity';

export type Decision = 'match' | 'possible';

export interface Candidate {
  supplier: string;
  entity: string;
  score: number;
  decision: Decision;
  reasons: string[];
}

/** Below this name similarity two firms are different firms, whatever else they share. */
const CANDIDATE_NAME_SIMILARITY = 0.6;
/** At or above it a name differing by a typo still reads as the same name. */
const MATCH_NAME_SIMILARITY = 0.85;
/** What a typo of two swapped letters counts as: the same name, one letter off. */
const TYPO_SIMILARITY = 0.9;
/** A name contained in another must be this long to mean anything (four letters of pinyin is a syllable). */
const MIN_CONTAINED_LENGTH = 4;

/**
 * `exact`: the same name, or the listed name closing the supplier's ("Ruyi Group Hotan Huamei Textile").
 * `sameName`: could be the same name (exact, or one typo away); two valid pinyin names a letter apart
 * (Hongyun 宏运, Hongyuan 宏远) are two names, so not.
 */
type NameRelation = {
  similarity: number;
  exact: boolean;
  sameName: boolean;
  /** Only alike letter by letter (no name held whole in the other): a lead only near the listed entity. */
  fuzzy: boolean;
  reason: string;
};

type PlaceRelation =
  | { kind: 'agree'; level: 'county' | 'prefecture' | 'province' | 'country'; place: string }
  | { kind: 'apart'; supplierPlace: string; entityPlace: string }
  | { kind: 'unknown' };

const PLACE_WEIGHT = { county: 0.08, prefecture: 0.06, province: 0.02, country: 0 } as const;

/**
 * Compares one supplier facility with one listed entity (all its names) and says whether it is a
 * candidate, how strong, and why. A `match` needs the same name and nothing against it: no place apart,
 * no other line of business, no other unit number. Everything else that looks alike is `possible`: a lead
 * for a researcher to check, which is what a parent elsewhere or a sister company is.
 */
export function compareSupplierWithEntity(
  supplier: ProfiledSupplier,
  entity: ProfiledEntity,
): Candidate | undefined {
  const place = placeRelation(supplier.places, entity.places);
  let best: { candidate: Candidate; sameScript: boolean } | undefined;
  // Each listed name (name, aliases, Chinese name) is judged with all the evidence; the best judgement counts.
  for (const listedName of entity.names) {
    const relation = nameRelation(supplier.name, listedName);
    if (!relation) continue;
    const candidate = judge(supplier, entity, listedName, relation, place);
    if (!candidate) continue;
    const sameScript = listedName.chinese === supplier.name.chinese;
    if (!best || outranks(candidate, sameScript, best.candidate, best.sameScript))
      best = { candidate, sameScript };
  }
  return best?.candidate;
}

/** A match over a possible, then the higher score; on a tie the name in the supplier's own script explains it best. */
function outranks(
  candidate: Candidate,
  sameScript: boolean,
  other: Candidate,
  otherSameScript: boolean,
): boolean {
  if (candidate.decision !== other.decision) return candidate.decision === 'match';
  if (candidate.score !== other.score) return candidate.score > other.score;
  return sameScript && !otherSameScript;
}

function judge(
  supplier: ProfiledSupplier,
  entity: ProfiledEntity,
  listedName: NameProfile,
  relation: NameRelation,
  place: PlaceRelation,
): Candidate | undefined {
  const name = supplier.name;
  const reasons: string[] = [relation.reason];
  if (listedName !== entity.names[0]) reasons.push(`via the listed name "${listedName.text}"`);
  let score = relation.similarity;
  const conflicts: string[] = [];

  switch (place.kind) {
    case 'agree':
      score += PLACE_WEIGHT[place.level];
      reasons.push(placeAgreement(place.level, place.place));
      break;
    case 'apart':
      score -= 0.25;
      conflicts.push(`located apart (${label(place.supplierPlace)} vs ${label(place.entityPlace)})`);
      break;
    case 'unknown':
      reasons.push('no place to compare');
      break;
  }

  const business = businessRelation(name, listedName);
  score += business.weight;
  if (business.conflict) conflicts.push(business.conflict);
  if (business.agreement) reasons.push(business.agreement);

  const numbers = numberConflict(name, listedName);
  if (numbers) {
    score -= 0.2;
    conflicts.push(numbers);
  }
  if (name.unit) reasons.push('the supplier is a branch or factory');

  const placed =
    place.kind === 'agree' &&
    (place.level === 'county' ||
      place.level === 'prefecture' ||
      (relation.exact && place.level === 'province'));
  const near = place.kind === 'agree' && (place.level === 'county' || place.level === 'prefecture');
  // Another name a syllable apart is a lead only where the listed entity is: elsewhere it is another firm,
  // and a queue full of such pairs hides the real ones.
  if (relation.fuzzy && !relation.sameName && !near) return undefined;
  const bothUnnamed = !name.compact && !listedName.compact;
  const decision: Decision =
    conflicts.length === 0 &&
    placed &&
    relation.sameName &&
    relation.similarity >= MATCH_NAME_SIMILARITY &&
    (!bothUnnamed || place.level === 'county')
      ? 'match'
      : 'possible';
  return {
    supplier: supplier.input.id,
    entity: entity.input.id,
    score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000,
    decision,
    reasons: [...reasons, ...conflicts],
  };
}

function nameRelation(supplier: NameProfile, listed: NameProfile): NameRelation | undefined {
  if (!supplier.compact && !listed.compact) {
    // Names made only of a place and a trade ("Lop County Hair Products"): the place and trade are the name.
    if (!sameLine(supplier, listed)) return undefined;
    return {
      similarity: 0.85,
      exact: false,
      sameName: true,
      fuzzy: false,
      reason: 'generic name (a place and a trade) shared',
    };
  }
  if (supplier.compact === listed.compact) {
    const script = supplier.chinese !== listed.chinese ? ' (Chinese read as pinyin)' : '';
    const written = foldedWords(supplier.text) === foldedWords(listed.text);
    return {
      similarity: 1,
      exact: true,
      sameName: true,
      fuzzy: false,
      reason: written ? 'same name' : `same name after suffix and place removal${script}`,
    };
  }
  const supplierHolds = containedOnBoundary(supplier, listed);
  if (supplierHolds === 'end') {
    const reason = "the supplier's name ends with the listed name (a unit named under its group)";
    return { similarity: 0.9, exact: true, sameName: true, fuzzy: false, reason };
  }
  if (supplierHolds === 'within') {
    const reason = "the supplier's name adds words after the listed name (another firm of the group?)";
    return { similarity: 0.8, exact: false, sameName: false, fuzzy: false, reason };
  }
  if (containedOnBoundary(listed, supplier)) {
    return {
      similarity: 0.8,
      exact: false,
      sameName: false,
      fuzzy: false,
      reason: "the listed name contains the supplier's name",
    };
  }
  const similarity = Math.max(
    nameSimilarity(supplier.compact, listed.compact),
    nameSimilarity([...supplier.core].sort().join(''), [...listed.core].sort().join('')),
  );
  if (similarity < CANDIDATE_NAME_SIMILARITY) return undefined;
  const alike = `${Math.round(similarity * 100)}% alike: "${supplier.core.join(' ')}" / "${listed.core.join(' ')}"`;
  // Two neighbouring letters swapped is how hands mistype ("Huamie", "Jaihe"); a different character
  // changes a syllable's sound instead, so a swap is read as the same name even in a short name.
  if (swapsTwoNeighbours(supplier.compact, listed.compact)) {
    const reason = `same name but for two letters swapped, a typo ("${supplier.core.join(' ')}" / "${listed.core.join(' ')}")`;
    return {
      similarity: Math.max(similarity, TYPO_SIMILARITY),
      exact: false,
      sameName: true,
      fuzzy: true,
      reason,
    };
  }
  if (isPinyinWord(supplier.compact) && isPinyinWord(listed.compact)) {
    return {
      similarity,
      exact: false,
      sameName: false,
      fuzzy: true,
      reason: `another pinyin name, or a typo (${alike})`,
    };
  }
  return {
    similarity,
    exact: false,
    sameName: true,
    fuzzy: true,
    reason: `similar name, a typo? (${alike})`,
  };
}

function swapsTwoNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const at = [...a].findIndex((letter, index) => letter !== b[index]);
  return (
    at < a.length - 1 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2)
  );
}

function foldedWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Where `outer`'s own name holds all of `inner`'s, starting and ending between words: at its end or within. */
function containedOnBoundary(outer: NameProfile, inner: NameProfile): 'end' | 'within' | undefined {
  if (inner.compact.length < MIN_CONTAINED_LENGTH || outer.compact.length <= inner.compact.length)
    return undefined;
  let found: 'end' | 'within' | undefined;
  for (
    let at = outer.compact.indexOf(inner.compact);
    at !== -1;
    at = outer.compact.indexOf(inner.compact, at + 1)
  ) {
    const end = at + inner.compact.length;
    if (!outer.boundaries.has(at) || !outer.boundaries.has(end)) continue;
    if (end === outer.compact.length) return 'end';
    found = 'within';
  }
  return found;
}

function placeRelation(supplierPlaces: string[], entityPlaces: string[]): PlaceRelation {
  if (!supplierPlaces.length || !entityPlaces.length) return { kind: 'unknown' };
  let nearest: string | undefined;
  for (const ours of supplierPlaces) {
    for (const theirs of entityPlaces) {
      const shared = sharedPlace(ours, theirs);
      if (shared && (!nearest || depth(shared) > depth(nearest))) nearest = shared;
    }
  }
  if (!nearest) return { kind: 'apart', supplierPlace: supplierPlaces[0], entityPlace: entityPlaces[0] };
  return { kind: 'agree', level: PLACES.get(nearest)?.level ?? 'country', place: nearest };
}

function depth(place: string): number {
  const levels = { country: 0, province: 1, prefecture: 2, county: 3 } as const;
  return levels[PLACES.get(place)?.level ?? 'country'];
}

function placeAgreement(level: 'county' | 'prefecture' | 'province' | 'country', place: string): string {
  switch (level) {
    case 'county':
      return `same county (${label(place)})`;
    case 'prefecture':
      return `same prefecture (${label(place)})`;
    case 'province':
      return `both in ${label(place)}`;
    case 'country':
      return `both in ${label(place)}, no nearer place to compare`;
  }
}

function label(place: string): string {
  return PLACES.get(place)?.label ?? place;
}

function sameLine(a: NameProfile, b: NameProfile): boolean {
  return a.lines.some((ours) => b.lines.some((theirs) => theirs.line === ours.line));
}

function businessRelation(
  supplier: NameProfile,
  listed: NameProfile,
): { weight: number; conflict?: string; agreement?: string } {
  if (!supplier.lines.length || !listed.lines.length) return { weight: 0 };
  const shared = supplier.lines.find((ours) => listed.lines.some((theirs) => theirs.line === ours.line));
  if (shared) return { weight: 0.04, agreement: `same line of business (${shared.line})` };
  const ours = supplier.lines.map((entry) => entry.line).join('/');
  const theirs = listed.lines.map((entry) => entry.line).join('/');
  const sameSector = supplier.lines.some((a) => listed.lines.some((b) => a.sector === b.sector));
  return sameSector
    ? { weight: -0.1, conflict: `other line of business (${ours} vs ${theirs}): a sister firm?` }
    : { weight: -0.35, conflict: `other sector (${ours} vs ${theirs})` };
}

function numberConflict(supplier: NameProfile, listed: NameProfile): string | undefined {
  if (!supplier.numbers.length || !listed.numbers.length) return undefined;
  if (supplier.numbers.some((number) => listed.numbers.includes(number))) return undefined;
  return `other unit number (${supplier.numbers.join('/')} vs ${listed.numbers.join('/')})`;
}
