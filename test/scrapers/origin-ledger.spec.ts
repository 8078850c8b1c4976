import { FetchOrigins, OriginLedger } from '../../scrapers/browser/origin-ledger';

/** A wipe the test finishes by hand, to see what waits for it. */
function controlledWipes() {
  const wiped: string[] = [];
  const pending: Array<{ origin: string; finish: (error?: Error) => void }> = [];
  const ledger = new OriginLedger(
    (origin) =>
      new Promise<void>((resolve, reject) => {
        pending.push({
          origin,
          finish: (error) => {
            if (error) return reject(error);
            wiped.push(origin);
            resolve();
          },
        });
      }),
  );
  return { ledger, wiped, pending };
}

const A = 'https://brand-a.example';
const B = 'https://brand-b.example';
const CDN = 'https://cdn.example';

describe('the origin ledger of the shared browser context', () => {
  it('wipes an origin only when the last fetch using it is done', async () => {
    const { ledger, pending } = controlledWipes();
    const first = new FetchOrigins(ledger);
    const second = new FetchOrigins(ledger);
    await first.enter(A);
    first.touch(CDN);
    await second.enter(B);
    second.touch(CDN);
    second.touch(CDN);

    const firstDone = first.release();
    expect(pending.map((wipe) => wipe.origin)).toEqual([A]);
    expect(ledger.inUse().sort()).toEqual([B, CDN]);
    pending[0].finish();
    await firstDone;

    const secondDone = second.release();
    expect(pending.map((wipe) => wipe.origin).sort()).toEqual([A, B, CDN]);
    pending.slice(1).forEach((wipe) => wipe.finish());
    await secondDone;
    expect(ledger.inUse()).toEqual([]);
  });

  it('makes a fetch of an origin wait until the wipe of its earlier state is over', async () => {
    const { ledger, pending, wiped } = controlledWipes();
    const earlier = new FetchOrigins(ledger);
    await earlier.enter(A);
    const released = earlier.release();

    let entered = false;
    const later = new FetchOrigins(ledger);
    const entering = later.enter(A).then(() => (entered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(entered).toBe(false);

    pending[0].finish();
    await Promise.all([released, entering]);
    expect(wiped).toEqual([A]);
    expect(ledger.inUse()).toEqual([A]);
  });

  it('lets a fetch of another origin start while a wipe is under way', async () => {
    const { ledger } = controlledWipes();
    const earlier = new FetchOrigins(ledger);
    await earlier.enter(A);
    void earlier.release();
    const other = new FetchOrigins(ledger);
    await other.enter(B);
    expect(ledger.inUse()).toEqual([B]);
  });

  it('survives a wipe that fails (the browser went away) and wipes the origin again next time', async () => {
    const { ledger, pending, wiped } = controlledWipes();
    const first = new FetchOrigins(ledger);
    await first.enter(A);
    const firstDone = first.release();
    pending[0].finish(new Error('Target closed'));
    await expect(firstDone).resolves.toBeUndefined();

    const second = new FetchOrigins(ledger);
    await second.enter(A);
    const secondDone = second.release();
    pending[1].finish();
    await secondDone;
    expect(wiped).toEqual([A]);
  });
});
