// Public API of the scrapers library; the monitor in src/monitoring/ imports from here.
export * from './extract';
export * from './compare';
export * from './lexicon';
export * from './fetch';
export * from './net';
export * from './browser';
