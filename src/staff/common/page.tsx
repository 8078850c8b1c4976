import type { Request, Response } from 'express';
import type { ComponentChildren, VNode } from 'preact';
import { Layout } from '../../ui/layout';
import { pageContextOf, type PageContext } from '../../ui/page-context';
import { renderDocument } from '../../ui/render';
import { takeFlash, type Flash } from './flash';

/** What every signed-in page needs: who is looking, their CSRF token, and the flash message to show once. */
export interface WebContext extends PageContext {
  flash?: Flash;
  /** The path of this page, for "back" links and sign-in redirects. */
  path: string;
}

export function webContext(request: Request, response: Response): WebContext {
  return { ...pageContextOf(request), flash: takeFlash(request, response), path: request.originalUrl };
}

export interface PageProps {
  ctx: WebContext;
  title: string;
  scripts?: string[];
  children: ComponentChildren;
}

/** Layout plus the flash message, announced to screen readers as a status. */
export function Page({ ctx, title, scripts, children }: PageProps) {
  return (
    <Layout title={title} viewer={ctx.viewer} csrfToken={ctx.csrfToken} scripts={scripts}>
      {ctx.flash && (
        <p class={`notice ${ctx.flash.kind}`} role={ctx.flash.kind === 'error' ? 'alert' : 'status'}>
          {ctx.flash.text}
        </p>
      )}
      {children}
    </Layout>
  );
}

/** Sends a page. Pages show drafts and CSRF tokens, so no cache may keep them. */
export function sendPage(response: Response, page: VNode, status = 200): void {
  response.status(status).type('html').setHeader('cache-control', 'no-store').send(renderDocument(page));
}

/** The CSRF field every form carries (the guard reads `_csrf` from form bodies). */
export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />;
}
