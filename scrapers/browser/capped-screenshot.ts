import type { Page } from 'puppeteer-core';

/**
 * A full-page PNG, cut at `maxHeight` CSS pixels: endless-scroll pages would otherwise produce screenshots
 * of hundreds of megabytes. The clip is taken beyond the viewport, so no resize (and no re-layout) is needed.
 */
export async function cappedScreenshot(page: Page, maxHeight: number): Promise<Buffer> {
  const { width, height } = await page.evaluate(() => {
    const root = document.documentElement;
    const body = document.body as HTMLElement | null;
    return {
      width: Math.max(root.clientWidth, 1),
      height: Math.max(root.scrollHeight, body?.scrollHeight ?? 0, 1),
    };
  });
  const png = await page.screenshot({
    type: 'png',
    clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) },
    captureBeyondViewport: true,
  });
  return Buffer.from(png);
}

/** Width and height of a PNG, read from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
