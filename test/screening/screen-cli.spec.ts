import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtEntry } from '../support/built-entry';
import { SCREENING_FIXTURES } from './labelled-pairs';

const ROOT = path.resolve(__dirname, '../..');
const ENTITIES = path.join(SCREENING_FIXTURES, 'entities.csv');
const SUPPLIERS = path.join(SCREENING_FIXTURES, 'suppliers.csv');

function screen(
  entities: string,
  suppliers: string,
): { lines: Record<string, unknown>[]; stderr: string; status: number | null } {
  const result = spawnSync(
    process.execPath,
    [builtEntry('src/app/cli/main.js'), 'screen', '--entities', entities, '--suppliers', suppliers],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, stderr: result.stderr, status: result.status };
}

function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'screen-cli-')), name);
  writeFileSync(file, content);
  return file;
}

describe('npm run cli -- screen', () => {
  it('prints one object per candidate with the public keys, in supplier order', () => {
    const { lines, status, stderr } = screen(ENTITIES, SUPPLIERS);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    for (const line of lines)
      expect(Object.keys(line)).toEqual(['supplier', 'entity', 'score', 'decision', 'reasons']);
    expect(lines.map(({ supplier, entity, decision }) => [supplier, entity, decision])).toEqual([
      ['S1', 'E01', 'match'],
      ['S2', 'E01', 'possible'],
      ['S4', 'E12', 'match'],
    ]);
  });

  it('says why in words', () => {
    const [chineseName, parentElsewhere] = screen(ENTITIES, SUPPLIERS).lines;
    expect(chineseName.reasons).toEqual(
      expect.arrayContaining(['same county (Lop)', 'same line of business (textile)']),
    );
    expect(parentElsewhere.reasons).toContain('located apart (Shaoxing vs Lop)');
  });

  it('reports bad rows by line on stderr, screens the good ones and exits 1', () => {
    const suppliers = tempFile(
      'suppliers.csv',
      'supplier_id,name,address,country\nA,Hotan Huamei Textile,"Lop County, Hotan",CN\nA,Again,,CN\nB,,,CN\n',
    );
    const { lines, stderr, status } = screen(ENTITIES, suppliers);
    expect(status).toBe(1);
    expect(stderr).toContain(`${suppliers}: line 3: supplier_id: "A" repeats line 2`);
    expect(stderr).toContain(`${suppliers}: line 4: name: required`);
    expect(lines.map((line) => line.supplier)).toEqual(['A']);
  });

  it('refuses a file with a missing column before reading any row', () => {
    const suppliers = tempFile('suppliers.csv', 'supplier_id,address\nA,Hotan\n');
    const { lines, stderr, status } = screen(ENTITIES, suppliers);
    expect(status).toBe(1);
    expect(stderr).toContain('line 1: missing required column(s) name');
    expect(lines).toEqual([]);
  });

  it('refuses a file that is not UTF-8, naming the line', () => {
    const latin1 = Buffer.concat([
      Buffer.from('supplier_id,name,address,country\nA,Hotan Huamei Textile,Lop,CN\nB,'),
      Buffer.from([0xfc, 0x72]), // "ür" in Latin-1
      Buffer.from('umqi Xinlong,,CN\n'),
    ]);
    const { lines, stderr, status } = screen(ENTITIES, tempFile('suppliers.csv', latin1));
    expect(status).toBe(1);
    expect(stderr).toContain('line 3: not UTF-8');
    expect(lines).toEqual([]);
  });
});
