// Public API of the scrapers library; the monitor in src/monitoring/ imports from here.
export * from './extract';
export * from './compare';
export * from './lexicon';
export * from './fetch';
export * from './net';
export * from './browser';
export * from './blocked';
// For the monitor's content hash and page-gone verdict: the same masking and soft-404 rule compare uses.
export { comparableSentences } from './compare/sentence-items';
export { looksLikeSoft404 } from './compare/page-rules';
