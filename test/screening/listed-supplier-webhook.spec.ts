import { webhookBody } from '../../src/webhooks/webhook-payload';

describe('the webhook of a newly listed supplier', () => {
  const notice = {
    kind: 'listed_supplier' as const,
    flagId: '9b2f7f7e-8f7a-4a43-9d8e-2d8f1f8e0c11',
    significance: 'major' as const,
    brand: { slug: 'acme', name: 'Acme' },
    url: 'https://example.org/notice',
    terms: [],
    summary:
      '"Kashgar Silk Road Garment Co., Ltd." (match) looks like "Kashgar Silk Road Garment Co., Ltd.", newly listed',
    raisedAt: '2025-02-01T00:00:00.000Z',
  };

  it('has an event kind of its own and says which brand, supplier and entity', () => {
    const body = webhookBody(notice, 'delivery-1', new Date('2025-02-01T00:00:01Z'));
    expect(body.event).toBe('screening.listed_supplier');
    expect(body.text).toContain('A supplier of Acme is newly on an entity list');
    expect(body.text).toContain('Kashgar Silk Road Garment');
  });

  it("leaves the monitor's flags as they were", () => {
    const { kind: _kind, ...pageChange } = notice;
    expect(webhookBody(pageChange, 'delivery-2', new Date()).event).toBe('flag.raised');
  });
});
