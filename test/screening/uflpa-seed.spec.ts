import path from 'node:path';
import { readEntityRows, type EntityRow } from '../../src/screening/lists/list-csv';
import { EntityIndex } from '../../src/screening/matching';

const SEED = path.resolve(__dirname, '../../seeds/uflpa-entities.csv');

describe('the UFLPA demo seed (seeds/uflpa-entities.csv)', () => {
  let rows: EntityRow[];

  beforeAll(async () => {
    rows = [];
    for await (const line of readEntityRows(SEED)) {
      if (!('row' in line)) throw new Error(`line ${line.line}: ${line.problem}`);
      rows.push(line.row);
    }
  });

  it('gives every entry its source', () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.sourceUrl).toMatch(/^https:\/\//);
  });

  it('marks as uncertain every entry whose section or date it could not confirm', () => {
    const unconfirmed = rows.filter((row) => !row.listSection || !row.addedOn);
    expect(unconfirmed.length).toBeGreaterThan(0);
    for (const row of unconfirmed) expect(row.uncertain).toBeTruthy();
  });

  it('finds a supplier listed under an alias', () => {
    const index = new EntityIndex(rows.map((row) => ({ ...row, id: row.entityId })));
    const [candidate] = index.screen({
      id: 's',
      name: 'XINJIANG JOINWORLD CO LTD',
      address: 'Urumqi, Xinjiang',
      country: 'CN',
    });
    expect(candidate).toMatchObject({ entity: 'uflpa-xinjiang-zhonghe', decision: 'match' });
  });
});
