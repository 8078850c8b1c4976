/** Kinds of lexicon term; `strong` ones make a sentence a statement about the region or forced labour. */
export type TermCategory =
  | 'region'
  | 'forced_labour'
  | 'labour_transfer'
  | 'initiative'
  | 'traceability'
  | 'assurance'
  | 'relationship'
  | 'material'
  | 'supply_chain';

/** Kinds of cue phrase. Edit cues decide whether an edit changes meaning; the others classify whole pages. */
export type CueKind =
  | 'negation'
  | 'prohibition'
  | 'hedging'
  | 'exception'
  | 'euphemism'
  | 'soft404'
  | 'boilerplate'
  | 'ephemeral'
  | 'scope'
  | 'disclosure';

export const EDIT_CUE_KINDS = [
  'negation',
  'euphemism',
  'prohibition',
  'hedging',
  'exception',
  'disclosure',
] as const;
export type EditCueKind = (typeof EDIT_CUE_KINDS)[number];

export interface CategoryInfo {
  weight: number;
  strong: boolean;
}

export interface TermEntry {
  /** The entry as written in the lexicon, without wildcards: what reports show. */
  label: string;
  group: TermCategory;
  language: string;
  weight: number;
  strong: boolean;
}

export interface CueEntry {
  label: string;
  group: CueKind;
  language: string;
}

export interface TermHit {
  /** The words as they appear in the text (folded), e.g. "suppliers". */
  term: string;
  /** The lexicon entry they matched, e.g. "supplier": the same for every inflection. */
  label: string;
  category: TermCategory;
  weight: number;
  strong: boolean;
}
