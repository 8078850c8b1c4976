import {
  CURRENT_METHODOLOGY,
  gradeFor,
  ScoredCommitment,
  ScoredDisclosure,
  ScoredFinding,
  ScoringInput,
  scoreBrand,
} from '../../src/scorecards/methodology';

let nextId = 0;
const id = () => `r${++nextId}`;

function commitment(
  fields: Partial<ScoredCommitment> & Pick<ScoredCommitment, 'type' | 'effectiveOn'>,
): ScoredCommitment {
  return { id: id(), level: 'brand', supersedesId: null, status: 'verified', ...fields };
}
function finding(fields: Partial<ScoredFinding>): ScoredFinding {
  return {
    id: id(),
    level: 'brand',
    kind: 'named_in_report',
    publishedOn: '2020-03-01',
    endedOn: null,
    response: 'did_not_respond',
    status: 'verified',
    ...fields,
  };
}
function disclosure(fields: Partial<ScoredDisclosure> & Pick<ScoredDisclosure, 'kind'>): ScoredDisclosure {
  return {
    id: id(),
    level: 'brand',
    disclosedOn: '2021-01-01',
    withdrawnOn: null,
    status: 'verified',
    ...fields,
  };
}
function input(fields: Partial<ScoringInput>): ScoringInput {
  return { commitments: [], findings: [], disclosures: [], ...fields };
}
const score = (fields: Partial<ScoringInput>, asOf = '2026-11-21') =>
  scoreBrand(input(fields), asOf, CURRENT_METHODOLOGY);
const points = (card: ReturnType<typeof score>, indicator: string) =>
  card.indicators.find((i) => i.indicator === indicator)?.points;

describe('methodology v1', () => {
  it('does not assess a brand with no verified data', () => {
    const card = score({
      commitments: [
        commitment({ type: 'call_to_action_public', effectiveOn: '2021-01-01', status: 'submitted' }),
      ],
    });
    expect(card).toMatchObject({ assessed: false, total: null, grade: null, methodologyVersion: '1' });
  });

  it.each([
    ['call_to_action_public', 40],
    ['policy_no_region_sourcing', 30],
    ['policy_direct_suppliers_only', 15],
    ['third_party_pledge', 15],
    ['call_to_action_private', 0],
    ['no_commitment', 0],
  ] as const)('gives a %s commitment %i commitment points', (type, expected) => {
    expect(
      points(score({ commitments: [commitment({ type, effectiveOn: '2021-01-01' })] }), 'commitment'),
    ).toBe(expected);
  });

  it('counts the strongest commitment in force, whether the brand or its group made it', () => {
    const card = score({
      commitments: [
        commitment({ type: 'third_party_pledge', effectiveOn: '2020-06-01' }),
        commitment({ type: 'call_to_action_public', effectiveOn: '2022-03-31', level: 'group' }),
      ],
    });
    expect(points(card, 'commitment')).toBe(40);
    expect(card.indicators[0].explanation).toContain('group');
  });

  it('counts no commitment before it was stated (as-of replay)', () => {
    const fields = {
      commitments: [commitment({ type: 'call_to_action_public', effectiveOn: '2021-01-06' })],
    };
    expect(score(fields, '2020-12-31')).toMatchObject({ assessed: false, grade: null });
    expect(points(score(fields, '2021-01-06'), 'commitment')).toBe(40);
  });

  it('stops counting a commitment once a verified statement supersedes it', () => {
    const old = commitment({ type: 'call_to_action_public', effectiveOn: '2021-01-01' });
    const weaker = commitment({
      type: 'policy_direct_suppliers_only',
      effectiveOn: '2023-01-01',
      supersedesId: old.id,
    });
    expect(points(score({ commitments: [old, weaker] }, '2022-06-01'), 'commitment')).toBe(40);
    expect(points(score({ commitments: [old, weaker] }, '2023-06-01'), 'commitment')).toBe(15);
  });

  it('ignores a superseding statement that is not verified', () => {
    const old = commitment({ type: 'call_to_action_public', effectiveOn: '2021-01-01' });
    const draft = commitment({
      type: 'no_commitment',
      effectiveOn: '2023-01-01',
      supersedesId: old.id,
      status: 'draft',
    });
    expect(points(score({ commitments: [old, draft] }), 'commitment')).toBe(40);
  });

  it('drops a retracted commitment and takes 15 consistency points for 36 months', () => {
    const policy = commitment({ type: 'policy_direct_suppliers_only', effectiveOn: '2020-09-01' });
    const retraction = commitment({ type: 'retraction', effectiveOn: '2021-03-24' });
    const fields = { commitments: [policy, retraction] };
    const before = score(fields, '2021-03-23');
    expect([points(before, 'commitment'), points(before, 'consistency')]).toEqual([15, 15]);
    const after = score(fields, '2021-03-24');
    expect([points(after, 'commitment'), points(after, 'consistency')]).toEqual([0, 0]);
    expect(after.indicators.find((i) => i.indicator === 'consistency')?.recordIds).toEqual([retraction.id]);
    expect(points(score(fields, '2024-03-24'), 'consistency')).toBe(15);
  });

  it('counts a commitment made again after a retraction', () => {
    const fields = {
      commitments: [
        commitment({ type: 'call_to_action_public', effectiveOn: '2020-01-01' }),
        commitment({ type: 'retraction', effectiveOn: '2021-01-01' }),
        commitment({ type: 'policy_no_region_sourcing', effectiveOn: '2022-01-01' }),
      ],
    };
    expect(points(score(fields, '2022-06-01'), 'commitment')).toBe(30);
  });

  it('takes 5 consistency points for a recent denial, and both penalties never go below zero', () => {
    const denial = commitment({ type: 'denial', effectiveOn: '2024-11-28' });
    expect(points(score({ commitments: [denial] }, '2025-01-01'), 'consistency')).toBe(10);
    const both = [denial, commitment({ type: 'retraction', effectiveOn: '2024-12-01' })];
    expect(points(score({ commitments: both }, '2025-01-01'), 'consistency')).toBe(0);
    expect(points(score({ commitments: [denial] }, '2027-11-29'), 'consistency')).toBe(15);
  });

  it('adds up disclosure points by kind, once per kind, while the disclosure stands', () => {
    const fields = {
      disclosures: [
        disclosure({ kind: 'tier1_supplier_list' }),
        disclosure({ kind: 'tier1_supplier_list', disclosedOn: '2022-01-01' }),
        disclosure({ kind: 'processing_tiers' }),
        disclosure({ kind: 'raw_material_traceability', withdrawnOn: '2024-01-01' }),
      ],
    };
    expect(points(score(fields, '2023-01-01'), 'disclosure')).toBe(25);
    expect(points(score(fields, '2024-06-01'), 'disclosure')).toBe(18);
  });

  it('averages the response to exposure findings, and gives full points with none', () => {
    const commitmentOnly = {
      commitments: [commitment({ type: 'third_party_pledge', effectiveOn: '2020-01-01' })],
    };
    expect(points(score(commitmentOnly), 'exposureResponse')).toBe(20);
    const fields = {
      findings: [
        finding({ response: 'responded_and_acted' }),
        finding({ response: 'responded_without_action' }),
        finding({ response: 'did_not_respond' }),
      ],
    };
    expect(points(score(fields), 'exposureResponse')).toBeCloseTo(((1 + 0.4 + 0) / 3) * 20, 1);
  });

  it('counts a group finding for its brands, and no finding before it was published', () => {
    const fields = { findings: [finding({ level: 'group', publishedOn: '2021-06-01' })] };
    expect(points(score(fields), 'exposureResponse')).toBe(0);
    expect(score(fields, '2021-05-31').assessed).toBe(false);
  });

  it('caps a brand operating its own facility in the region at F while that holds', () => {
    const facility = finding({
      kind: 'own_facility_in_region',
      response: 'responded_and_acted',
      endedOn: '2024-11-27',
    });
    const fields = {
      findings: [facility],
      commitments: [commitment({ type: 'call_to_action_public', effectiveOn: '2021-01-01' })],
      disclosures: [disclosure({ kind: 'tier1_supplier_list' })],
    };
    const during = score(fields, '2023-01-01');
    expect(during).toMatchObject({ total: 19, grade: 'F', cap: { appliedTo: 85, recordIds: [facility.id] } });
    const after = score(fields, '2024-11-27');
    expect(after).toMatchObject({ total: 85, grade: 'A', cap: null });
  });

  it.each([
    [80, 'A'],
    [79.9, 'B'],
    [65, 'B'],
    [50, 'C'],
    [35, 'D'],
    [20, 'E'],
    [19.9, 'F'],
    [0, 'F'],
  ])('grades %d as %s', (total, grade) => {
    expect(gradeFor(total, CURRENT_METHODOLOGY)).toBe(grade);
  });

  it('scores a full record: public Call to Action, full disclosure, no findings, consistent', () => {
    const card = score({
      commitments: [commitment({ type: 'call_to_action_public', effectiveOn: '2021-01-06' })],
      disclosures: ['tier1_supplier_list', 'processing_tiers', 'raw_material_traceability'].map((kind) =>
        disclosure({ kind: kind as ScoredDisclosure['kind'] }),
      ),
    });
    expect(card).toMatchObject({ total: 100, grade: 'A' });
  });
});

describe('methodology v1 and the catalogue agree on the as-of rule', () => {
  it('lets a retraction counting from the same day withdraw the statement', () => {
    const fields = {
      commitments: [
        commitment({ type: 'call_to_action_public', effectiveOn: '2021-03-24' }),
        commitment({ type: 'retraction', effectiveOn: '2021-03-24' }),
      ],
    };
    expect(points(score(fields, '2021-03-24'), 'commitment')).toBe(0);
  });
});
