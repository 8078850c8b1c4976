import type { CDPSession, Page } from 'puppeteer-core';

/**
 * Keeps the main frame's document bodies exactly as they came off the network (content-encoding undone,
 * nothing decoded), for archiving. Puppeteer's `response.content()` cannot: Chromium hands a text
 * document back decoded and Puppeteer re-encodes it as UTF-8 (puppeteer/puppeteer#6478), which changes the
 * bytes of any page in another charset. So document responses are paused at the response stage on a CDP
 * session of our own (beside Puppeteer's request-stage interception, which the page filter uses) and read
 * with `Fetch.getResponseBody`, which gives the bytes.
 */
export class DocumentBodyTap {
  /** Bodies by URL, the latest response of each (a page may load its own URL again). */
  private readonly bodies = new Map<string, Buffer>();

  private constructor(
    private readonly session: CDPSession,
    private readonly mainFrameId: string,
  ) {}

  static async install(page: Page): Promise<DocumentBodyTap> {
    const session = await page.createCDPSession();
    const { frameTree } = await session.send('Page.getFrameTree');
    const tap = new DocumentBodyTap(session, frameTree.frame.id);
    session.on('Fetch.requestPaused', (event) => void tap.keep(event));
    await session.send('Fetch.enable', {
      patterns: [{ resourceType: 'Document', requestStage: 'Response' }],
    });
    return tap;
  }

  bodyOf(url: string): Buffer | undefined {
    return this.bodies.get(url);
  }

  private async keep(event: {
    requestId: string;
    frameId: string;
    request: { url: string };
    responseStatusCode?: number;
  }): Promise<void> {
    const status = event.responseStatusCode;
    try {
      // Redirects have no body worth keeping; frames other than the main one are not the page.
      if (event.frameId === this.mainFrameId && status !== undefined && (status < 300 || status >= 400)) {
        const { body, base64Encoded } = await this.session.send('Fetch.getResponseBody', {
          requestId: event.requestId,
        });
        // Only base64 is the bytes themselves; a string would be Chromium's decoding again.
        if (base64Encoded) this.bodies.set(event.request.url, Buffer.from(body, 'base64'));
      }
    } catch {
      // The page closed, or the body cannot be read (e.g. an empty 204): the capture then has no original.
    } finally {
      // A paused response must always go on, or the page would wait for it until the fetch times out.
      await this.session.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined);
    }
  }
}
