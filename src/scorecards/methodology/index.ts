import methodologyV1 from './methodology-v1.json';
import type { Methodology } from './methodology.types';

export * from './methodology.types';
export { scoreBrand, gradeFor } from './score-brand';
export { commitmentsInForce, statementsInForce } from '../../kernel/as-of/as-of-rule';
export * from './labels';

/** The methodology in force; a new version is a new file, and old cards keep naming the version that made them. */
export const CURRENT_METHODOLOGY: Methodology = methodologyV1 as Methodology;
