import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SEEDS_DIR } from '../../seeds';

type Row = Record<string, string>;

function rows(file: string): Row[] {
  return parse<Row>(readFileSync(path.join(SEEDS_DIR, file)), { columns: true, bom: true });
}

/** What the demo files should produce, counted from the files themselves. */
export function expectedFromSeedFiles() {
  const brands = rows('brands.csv');
  const evidence = rows('evidence.csv');
  const commitments = rows('commitments.csv');
  const findings = rows('findings.csv');
  const closures = rows('closures.csv');
  return {
    brands: brands.length,
    companies: new Set(brands.map((row) => row.company).filter(Boolean)).size,
    evidence: new Set(evidence.map((row) => row.url)).size,
    commitments: commitments.length,
    uncertainCommitments: commitments.filter((row) => row.uncertain).length,
    findings: findings.length,
    closures: closures.length,
  };
}
