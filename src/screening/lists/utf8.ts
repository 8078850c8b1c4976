import { createReadStream } from 'node:fs';

/** The file is not UTF-8: nothing in it can be trusted to be the name it looks like. */
export class NotUtf8Error extends Error {
  override name = 'NotUtf8Error';
}

/**
 * Reads the file once as a stream and refuses it, naming the line, at the first byte sequence that is not
 * UTF-8. The CSV parser would otherwise turn broken bytes into U+FFFD and import a name nobody wrote.
 */
export async function assertUtf8(file: string): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    // Hold back an unfinished multi-byte sequence at the end of the chunk for the next one.
    const cut = completeLength(bytes);
    const whole = bytes.subarray(0, cut);
    carry = Buffer.from(bytes.subarray(cut));
    try {
      decoder.decode(whole);
    } catch {
      throw new NotUtf8Error(
        `line ${line + countNewlines(validPrefix(whole))}: not UTF-8 (save the file as UTF-8)`,
      );
    }
    line += countNewlines(whole);
  }
  if (carry.length) throw new NotUtf8Error(`line ${line}: not UTF-8 (the file ends inside a character)`);
}

/** Length of the buffer without a trailing, possibly unfinished, multi-byte sequence. */
function completeLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) !== 0x80) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return needed > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

/** The bytes before the first invalid sequence, to count the lines before it. */
function validPrefix(bytes: Buffer): Buffer {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      // Streaming: a prefix may end inside a valid character without that being the error.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return bytes.subarray(0, low);
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) count += 1;
  return count;
}
