import { field, fieldList, optional, splitList, type FormBody } from '../common/form-body';

export const COMMITMENT_FIELD_LABELS: Record<string, string> = {
  type: 'Type',
  statedOn: 'Stated on',
  statedOnPrecision: 'How exactly the source dates it',
  summary: 'Summary',
  'scope.tiers': 'Tiers covered',
  'scope.materials': 'Materials',
  'scope.deadline': 'Deadline',
  'scope.coversLabourTransfers': 'Covers labour transfers',
  supersedesId: 'Replaces',
};

/** The commitment form as a CreateCommitmentDto; scope keys left empty are left out (unknown, not "none"). */
export function toCreateCommitment(body: FormBody): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  const tiers = fieldList(body, 'scope.tiers').map(Number);
  if (tiers.length) scope.tiers = tiers;
  const materials = splitList(field(body, 'scope.materials'));
  if (materials.length) scope.materials = materials;
  const deadline = field(body, 'scope.deadline');
  if (deadline) scope.deadline = deadline;
  const transfers = field(body, 'scope.coversLabourTransfers');
  if (transfers === 'true' || transfers === 'false') scope.coversLabourTransfers = transfers === 'true';
  return {
    type: field(body, 'type'),
    statedOn: field(body, 'statedOn'),
    statedOnPrecision: field(body, 'statedOnPrecision'),
    summary: field(body, 'summary'),
    scope: Object.keys(scope).length ? scope : undefined,
    supersedesId: optional(field(body, 'supersedesId')),
  };
}
