export { compareVersions, compareHtml } from './compare';
export type { CompareResult, CompareHtmlOptions, ComparablePage, Significance } from './compare.types';
export { crossLanguageInconsistency, regionStance } from './cross-language';
export type { LanguageInconsistency, LanguageVersion, RegionStance } from './cross-language';
