/**
 * Run the CLI in-process in a temporary project folder, capturing stdout and stderr.
 * Folders are built from an inline {path: content} object (Changesets' habit).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { Output } from '../../src/cli/output.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

export function tempProject(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'xroi-e2e-'));
  for (const [p, content] of Object.entries(files)) {
    const full = join(dir, p);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export async function runCli(dir: string, args: string[], opts: { json?: boolean } = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const output = new Output({ json: opts.json ?? false, quiet: false, stdout, stderr });
  const code = await main(['-c', dir, ...args], output);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
