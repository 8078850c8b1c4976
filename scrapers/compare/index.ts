export { compareVersions, compareHtml } from './compare';
export type { CompareResult, CompareHtmlOptions, ComparablePage, Significance } from './compare.types';
