export { foldForMatch } from './fold';
export { buildLexicon, getLexicon, type Lexicon } from './load-lexicon';
export { findTerms, findTermsInFolded, findCuesInFolded, hasCue } from './match';
export { EDIT_CUE_KINDS } from './lexicon.types';
export type { CueKind, EditCueKind, TermCategory, TermHit } from './lexicon.types';
