import { CreateEvidenceDto } from '../../evidence/sources/dto/create-evidence.dto';
import type { FormBody } from '../common/form-body';
import { validateDto, type FieldErrors } from '../common/form-errors';
import { prefixErrors } from '../common/run-form';
import { toCreateEvidence, wantsNewEvidence } from './evidence-form';

const PREFIX = 'evidence.';

/**
 * The source a claim's form may log with it: validated with the evidence DTO before anything is written, so
 * a bad URL never leaves a claim saved without the source its author meant to give.
 */
export async function newEvidenceOf(
  body: FormBody,
): Promise<{ evidence?: CreateEvidenceDto; errors: FieldErrors }> {
  if (!wantsNewEvidence(body, PREFIX)) return { errors: {} };
  const result = await validateDto(CreateEvidenceDto, toCreateEvidence(body, PREFIX));
  return result.ok ? { evidence: result.value, errors: {} } : { errors: prefixErrors(result.errors, PREFIX) };
}
