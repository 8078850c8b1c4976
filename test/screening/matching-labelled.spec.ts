import { compareSupplierWithEntity, profileEntity, profileSupplier } from '../../src/screening/matching';
import { fixtureEntities, labelledPairs } from './labelled-pairs';

/**
 * The labelled set (test/fixtures/screening): every kind of true pair (English, Chinese, pinyin, with and
 * without legal suffix, place-name variants, a unit under its group, abbreviations, typos) and every kind of
 * hard negative (a parent elsewhere, a sister firm in another place or trade, a firm sharing a place word,
 * a near-name). Each pair is judged on its own: the supplier against its one entity.
 */
describe('screening on the labelled pairs', () => {
  const entities = new Map(fixtureEntities().map((entity) => [entity.id, profileEntity(entity)]));
  const pairs = labelledPairs();
  const judged = pairs.map((pair) => {
    const entity = entities.get(pair.entityId);
    if (!entity) throw new Error(`${pair.id}: unknown entity ${pair.entityId}`);
    return { pair, candidate: compareSupplierWithEntity(profileSupplier(pair.supplier), entity) };
  });
  const truePairs = judged.filter(({ pair }) => pair.label === 'match');
  const decidedMatch = judged.filter(({ candidate }) => candidate?.decision === 'match');
  const found = truePairs.filter(({ candidate }) => candidate !== undefined);
  const trueMatches = decidedMatch.filter(({ pair }) => pair.label === 'match');
  const recall = found.length / truePairs.length;
  const precision = trueMatches.length / decidedMatch.length;
  const matchShare = trueMatches.length / truePairs.length;

  beforeAll(() => {
    const misses = judged
      .filter(({ pair, candidate }) =>
        pair.label === 'match' ? candidate?.decision !== 'match' : candidate?.decision === 'match',
      )
      .map(
        ({ pair, candidate }) => `  ${pair.id} ${pair.kind} ${pair.label}: ${candidate?.decision ?? 'none'}`,
      );
    process.stdout.write(
      `screening labelled set: ${pairs.length} pairs (${truePairs.length} true, ${pairs.length - truePairs.length} hard negatives)\n` +
        `  recall (match or possible) ${recall.toFixed(3)}, precision of match ${precision.toFixed(3)}, ` +
        `true pairs decided match ${matchShare.toFixed(3)}\n${misses.join('\n')}\n`,
    );
  });

  it('holds at least 200 pairs, true ones and hard negatives', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    expect(truePairs.length).toBeGreaterThan(100);
    expect(pairs.length - truePairs.length).toBeGreaterThan(50);
  });

  it('finds at least 95% of the true pairs as match or possible', () => {
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('is right at least 95% of the times it says match', () => {
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it('decides match for at least 80% of the true pairs', () => {
    expect(matchShare).toBeGreaterThanOrEqual(0.8);
  });

  it('never says match for a parent elsewhere, a sister firm or a firm sharing a word', () => {
    const hardNegativeMatches = decidedMatch
      .filter(({ pair }) => pair.label === 'none')
      .map(({ pair }) => pair.id);
    expect(hardNegativeMatches).toEqual([]);
  });
});
