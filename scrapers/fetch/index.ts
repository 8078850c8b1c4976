export { HttpFetcher, DEFAULT_USER_AGENT, type HttpFetcherOptions } from './http-fetcher';
export { FetchError, isFetchError, type FetchErrorKind } from './fetch-error';
export type { FetchResult, ConditionalHeaders, HttpExchange } from './fetch-result';
export type { ContentKind } from './content-type';
export { extractPdfText, type PdfTextOptions } from './pdf-text';
export { extractFetched } from './extract-fetched';
export { botWallOfFetched } from './bot-wall-of-fetched';
