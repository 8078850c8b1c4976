import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtEntry } from '../support/built-entry';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.resolve(__dirname, '../fixtures/compare');
const MAIN = builtEntry('src/app/cli/main.js');

function runCli(args: string[], cwd = ROOT): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [MAIN, 'compare', ...args], { cwd, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function lines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('npm run cli -- compare', () => {
  it('prints exactly one result object with the public keys for two files', () => {
    const oldFile = path.join(FIXTURES, 'en-negation-flip/old.html');
    const newFile = path.join(FIXTURES, 'en-negation-flip/new.html');
    const { stdout, status } = runCli([oldFile, newFile]);
    expect(status).toBe(0);
    const [result] = lines(stdout);
    expect(lines(stdout)).toHaveLength(1);
    expect(Object.keys(result)).toEqual([
      'id',
      'changed',
      'significance',
      'score',
      'added',
      'removed',
      'terms',
    ]);
    expect(result).toMatchObject({ id: `${oldFile}:${newFile}`, changed: true, significance: 'major' });
  });

  it('adds "blocked": true, significance none, when the new version is a bot wall', () => {
    const suite = path.resolve(__dirname, '../fixtures/compare-suite/bw-cloudflare-just-a-moment');
    const { stdout, status } = runCli([path.join(suite, 'old.html'), path.join(suite, 'new.html')]);
    expect(status).toBe(0);
    const [result] = lines(stdout);
    expect(Object.keys(result)).toEqual([
      'id',
      'changed',
      'significance',
      'score',
      'added',
      'removed',
      'terms',
      'blocked',
    ]);
    expect(result).toMatchObject({ changed: false, significance: 'none', score: 0, blocked: true });
  });

  it('answers a pairs file in input order, resolving paths against its folder', () => {
    const { stdout, status } = runCli(
      ['--pairs', 'labels-as-pairs.jsonl'],
      writePairsFile(['de-reorder', 'it-unrelated', 'ja-soft404']),
    );
    expect(status).toBe(0);
    expect(lines(stdout).map((result) => [result.id, result.significance])).toEqual([
      ['de-reorder', 'none'],
      ['it-unrelated', 'minor'],
      ['ja-soft404', 'major'],
    ]);
  });

  it('reports a bad line as an error object, carries on, and exits non-zero', () => {
    const folder = writePairsFile(
      ['de-reorder'],
      ['not json', JSON.stringify({ id: 'ghost', old: 'missing.html', new: 'missing.html' })],
    );
    const { stdout, stderr, status } = runCli(['--pairs', path.join(folder, 'labels-as-pairs.jsonl')]);
    const results = lines(stdout);
    expect(results.map((result) => result.id)).toEqual(['de-reorder', 'line 2', 'ghost']);
    expect(results[1]).toHaveProperty('error');
    expect(results[2]).toHaveProperty('error');
    expect(status).not.toBe(0);
    expect(stderr).toContain('ghost');
  });
});

/** A temporary folder holding a pairs file whose paths point, relative to it, at our fixtures. */
function writePairsFile(ids: string[], extraLines: string[] = []): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'compare-cli-'));
  const relative = path.relative(folder, FIXTURES);
  const pairLines = ids.map((id) =>
    JSON.stringify({
      id,
      old: path.join(relative, id, 'old.html'),
      new: path.join(relative, id, 'new.html'),
    }),
  );
  writeFileSync(path.join(folder, 'labels-as-pairs.jsonl'), [...pairLines, ...extraLines].join('\n'));
  return folder;
}
