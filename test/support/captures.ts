import { EvidenceService } from '../../src/evidence/sources/evidence.service';
import type { TestApp } from './test-app';
import { waitFor } from './wait-for';

export interface CaptureItem {
  id: string;
  state: string;
  reason: string;
  version: number | null;
  finalUrl: string | null;
  httpStatus: number | null;
  htmlSha256: string | null;
  textSha256: string | null;
  screenshotSha256: string | null;
  bodySha256: string | null;
  errorKind: string | null;
  capturedAt: string | null;
}

export interface CaptureList {
  items: CaptureItem[];
  linkHealth: {
    state: string;
    consecutiveFailures: number;
    lastCheckedAt: string | null;
    recentChecks: Array<{ outcome: string; captureId: string | null }>;
  } | null;
}

/** Logs evidence through the API, as a researcher would. */
export async function logEvidence(
  testApp: TestApp,
  headers: Record<string, string>,
  url: string,
): Promise<string> {
  const response = await fetch(`${testApp.baseUrl}/api/evidence`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ url, kind: 'company_statement', title: 'Supplier policy' }),
  });
  if (response.status !== 201)
    throw new Error(`logging evidence: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export async function listCaptures(
  testApp: TestApp,
  evidenceId: string,
  headers: Record<string, string> = {},
): Promise<CaptureList> {
  const response = await fetch(`${testApp.baseUrl}/api/evidence/${evidenceId}/captures`, { headers });
  if (response.status !== 200)
    throw new Error(`listing captures: ${response.status} ${await response.text()}`);
  return (await response.json()) as CaptureList;
}

/** Waits until the evidence's first capture attempt has finished (done or failed). */
export function settledCapture(
  testApp: TestApp,
  evidenceId: string,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<CaptureItem> {
  return waitFor(
    async () => {
      const [first] = (await listCaptures(testApp, evidenceId, headers)).items;
      return first && first.state !== 'pending' ? first : undefined;
    },
    { timeoutMs, intervalMs: 200, description: `the capture of evidence ${evidenceId}` },
  );
}

export function verifyEvidence(testApp: TestApp, evidenceId: string): Promise<unknown> {
  return testApp.app.get(EvidenceService).verifyAsSystem(evidenceId, 'verified by the test');
}
