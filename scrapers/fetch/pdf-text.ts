import { PDFParse } from 'pdf-parse';
import { FetchError } from './fetch-error';

/**
 * Text of every page of a PDF, pages separated by a blank line. Company policies and NGO reports often
 * arrive as PDFs; a PDF without a text layer (a scan) yields an empty string, not an error.
 */
export async function extractPdfText(pdf: Uint8Array, url?: string): Promise<string> {
  // pdf.js takes ownership of (detaches) the buffer it is given, so hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(pdf), isEvalSupported: false });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return result.pages
      .map((page) => page.text.trim())
      .filter((text) => text.length > 0)
      .join('\n\n');
  } catch (error) {
    throw new FetchError('unsupported_content', `the PDF could not be read (${errorMessage(error)})`, {
      url,
      cause: error,
    });
  } finally {
    await parser.destroy();
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
