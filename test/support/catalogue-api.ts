import type { TestApp } from './test-app';

// Response bodies are loosely typed on purpose: tests assert their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A JSON request against the test app; `headers` usually come from createUser(). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function api<T = any>(
  testApp: TestApp,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const response = await fetch(`${testApp.baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Every page of a list, following nextCursor; fails if a page repeats a row. */
export async function allPages<T extends { id: string }>(
  testApp: TestApp,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path;
    const page: ApiResponse<{ items: T[]; nextCursor: string | null }> = await api(testApp, 'GET', url, {
      headers,
    });
    if (page.status !== 200)
      throw new Error(`GET ${url} answered ${page.status}: ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}
