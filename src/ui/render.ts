import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Server-rendered pages are Preact components rendered to a string: type-checked templates, and every
 * interpolated value escaped by the renderer, so user text can never become markup.
 */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}
