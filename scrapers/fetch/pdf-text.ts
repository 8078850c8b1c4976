import { Worker } from 'node:worker_threads';
import { FetchError } from './fetch-error';

export interface PdfTextOptions {
  url?: string;
  timeoutMs?: number;
  /** Heap limit for the parsing thread; a hostile PDF should exhaust that, not the worker process. */
  maxHeapMb?: number;
}

/**
 * pdf.js runs in a worker thread: parsing an untrusted PDF is CPU-heavy and occasionally pathological, so it
 * gets its own heap limit and a timeout that terminates it, and the event loop stays free for other fetches.
 * (It also keeps pdf.js's dynamic `import()` of its own worker out of module loaders that cannot do it, such
 * as Jest's.) The worker is given inline code plus the resolved path of pdf-parse, so it runs the same
 * from ts-node, Jest and the compiled build.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.pdfParsePath);
(async () => {
  const parser = new PDFParse({ data: workerData.pdf, isEvalSupported: false });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    parentPort.postMessage({ pages: result.pages.map((page) => page.text) });
  } catch (error) {
    parentPort.postMessage({ error: error && error.message ? error.message : String(error) });
  } finally {
    await parser.destroy();
  }
})();
`;

interface WorkerAnswer {
  pages?: string[];
  error?: string;
}

/** Text of every page of a PDF, pages separated by a blank line; a scan without a text layer yields "". */
export async function extractPdfText(pdf: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  const answer = await runWorker(pdf, options);
  if (answer.error !== undefined) {
    throw new FetchError('unsupported_content', `the PDF could not be read (${answer.error})`, {
      url: options.url,
    });
  }
  return (answer.pages ?? [])
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .join('\n\n');
}

function runWorker(pdf: Uint8Array, options: PdfTextOptions): Promise<WorkerAnswer> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdf: new Uint8Array(pdf), pdfParsePath: require.resolve('pdf-parse') },
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256 },
  });
  return new Promise<WorkerAnswer>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new FetchError('transient', `reading the PDF took longer than ${timeoutMs} ms`, { url: options.url }),
      );
      void worker.terminate();
    }, timeoutMs);
    const finish = (answer: WorkerAnswer): void => {
      clearTimeout(timer);
      resolve(answer);
      void worker.terminate();
    };
    worker.once('message', (answer: WorkerAnswer) => finish(answer));
    worker.once('error', (error) => finish({ error: error.message }));
    worker.once('exit', (code) => finish({ error: `the PDF reader stopped (exit code ${code})` }));
  });
}
