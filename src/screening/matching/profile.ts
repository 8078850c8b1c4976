import { countryPlace, lineage } from './places';
import { readPieces } from './read-name';
import { LineOfBusiness, XPCC_TOKEN } from './vocabulary';

/** What a name says once legal forms, places and business words are set apart. */
export interface NameProfile {
  /** The name as written, for reasons. */
  text: string;
  /** The firm's own words: what tells it from another firm. */
  core: string[];
  /** The core without spaces, so "Hua Mei" and 华美 (huamei) meet. */
  compact: string;
  /** Where each core word ends in `compact`: containment only counts on these boundaries. */
  boundaries: Set<number>;
  places: string[];
  lines: LineOfBusiness[];
  numbers: string[];
  /** Says it is a branch, factory or other unit of a firm. */
  unit: boolean;
  chinese: boolean;
}

export function profileName(text: string): NameProfile {
  const pieces = readPieces(text);
  const core: string[] = [];
  const places: string[] = [];
  const lines: LineOfBusiness[] = [];
  const numbers: string[] = [];
  let unit = false;
  for (const piece of pieces) {
    switch (piece.kind) {
      case 'core':
        // The same name twice ("Hotan Huamei Textile (和田华美纺织)", "Huafu Fashion - Aksu Huafu") is one name.
        if (core[core.length - 1] !== piece.value) core.push(piece.value);
        break;
      case 'place':
        places.push(piece.value);
        break;
      case 'line':
        lines.push(piece.value);
        break;
      case 'number':
        numbers.push(piece.value);
        break;
      case 'unit':
        unit = true;
        break;
      case 'generic':
        break;
    }
  }
  const boundaries = new Set<number>([0]);
  let offset = 0;
  for (const word of core) {
    offset += word.length;
    boundaries.add(offset);
  }
  return {
    text,
    core,
    // ü is written v or u in pinyin ("Lvyuan", "Luyuan" for 绿源): read both as u.
    compact: core.join('').replace(/([ln])v/g, '$1u'),
    boundaries,
    places,
    lines,
    numbers,
    unit,
    chinese: /[\u3400-\u9fff]/.test(text),
  };
}

/** The places an address names (streets named after cities excluded). */
export function addressPlaces(address: string): string[] {
  return readPieces(address).flatMap((piece) => (piece.kind === 'place' ? [piece.value] : []));
}

/** Drops places that contain another place of the set: Hotan says nothing more once Lop is known. */
export function mostSpecific(places: Iterable<string>): string[] {
  const unique = [...new Set(places)];
  return unique.filter((place) => !unique.some((other) => other !== place && lineage(other).includes(place)));
}

export interface SupplierInput {
  id: string;
  name: string;
  address?: string;
  country?: string;
}

export interface EntityInput {
  id: string;
  name: string;
  aliases?: string[];
  nameZh?: string;
  address?: string;
  country?: string;
}

export interface ProfiledSupplier {
  input: SupplierInput;
  name: NameProfile;
  /** Where the facility is: its address when the address names a place, else its name. */
  places: string[];
}

export interface ProfiledEntity {
  input: EntityInput;
  names: NameProfile[];
  places: string[];
}

export function profileSupplier(input: SupplierInput): ProfiledSupplier {
  const name = profileName(input.name);
  const fromAddress = addressPlaces(input.address ?? '');
  const country = countryPlace(input.country ?? '');
  const located = fromAddress.length ? fromAddress : name.places;
  return { input, name, places: mostSpecific([...located, ...(country ? [country] : [])]) };
}

export function profileEntity(input: EntityInput): ProfiledEntity {
  const names = [input.name, ...(input.aliases ?? []), input.nameZh ?? '']
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map(profileName);
  const country = countryPlace(input.country ?? '');
  const namePlaces = names.flatMap((name) => name.places);
  // The Corps is one listed organisation with units across the region: its headquarters' address would
  // wrongly place every division "elsewhere".
  const regionWide = names.some((name) => name.core.length === 1 && name.core[0] === XPCC_TOKEN);
  const located = regionWide
    ? [...namePlaces, 'xinjiang']
    : [...namePlaces, ...addressPlaces(input.address ?? '')];
  return { input, names, places: mostSpecific([...located, ...(country ? [country] : [])]) };
}
