import { Presets, SingleBar } from 'cli-progress';

/** A file past this size gets a progress bar even when stderr is not a terminal (e.g. a CI log). */
const LONG_FILE_BYTES = 1_000_000;

export interface Progress {
  update(bytes: number): void;
  /** Writes a line (a bad row) without tearing the bar. */
  log(line: string): void;
  stop(): void;
}

/**
 * A bar over the bytes of the file read so far (a stream has no row count up front), on `stream` (stderr)
 * when it is a terminal or the file is long; otherwise lines are just written.
 */
export function startProgress(totalBytes: number, stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY && totalBytes < LONG_FILE_BYTES) {
    return { update: () => undefined, log: (line) => stream.write(line), stop: () => undefined };
  }
  const bar = new SingleBar(
    {
      stream,
      format: 'import [{bar}] {percentage}% | {value}/{total} bytes | {duration_formatted}',
      noTTYOutput: !stream.isTTY,
      notTTYSchedule: 5000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(totalBytes, 0);
  let stopped = false;
  return {
    update: (bytes) => bar.update(Math.min(bytes, totalBytes)),
    log: (line) => {
      if (stream.isTTY) stream.write('\r\x1b[K');
      stream.write(line);
      if (!stopped && stream.isTTY) bar.render();
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.update(totalBytes);
      bar.stop();
    },
  };
}
