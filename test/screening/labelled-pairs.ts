import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EntityInput, SupplierInput } from '../../src/screening/matching';

export const SCREENING_FIXTURES = path.resolve(__dirname, '../fixtures/screening');

export interface LabelledPair {
  id: string;
  entityId: string;
  /** `match`: the supplier is the listed entity (or its unit there); `none`: a hard negative. */
  label: 'match' | 'none';
  kind: string;
  supplier: SupplierInput;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(SCREENING_FIXTURES, file)), { columns: true, skip_empty_lines: true });
}

export function fixtureEntities(): EntityInput[] {
  return readCsv('entities.csv').map((row) => ({
    id: row.entity_id,
    name: row.name,
    aliases: row.aliases ? row.aliases.split('|') : [],
    nameZh: row.name_zh,
    address: row.address,
    country: row.country,
  }));
}

export function labelledPairs(): LabelledPair[] {
  return readCsv('labelled-pairs.csv').map((row) => ({
    id: row.pair_id,
    entityId: row.entity_id,
    label: row.label === 'match' ? 'match' : 'none',
    kind: row.kind,
    supplier: {
      id: row.pair_id,
      name: row.supplier_name,
      address: row.supplier_address,
      country: row.supplier_country,
    },
  }));
}
