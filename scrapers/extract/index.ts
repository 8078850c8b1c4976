export { extractFromHtml } from './extract-html';
export { extractFromText } from './extract-text';
export { normaliseText, decodeEntities } from './normalise';
export { splitSentences } from './sentences';
export { guessLanguage } from './language';
export type { ExtractedPage, ExtractOptions, TextMeta } from './extract.types';
