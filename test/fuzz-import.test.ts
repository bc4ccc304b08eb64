/**
 * Fuzzing the importer: 10 000+ seeded mutations of the real exports (their first lines) and of the
 * fixtures — flipped bytes, stray quotes and delimiters, cut files, NULs, duplicated or swapped
 * lines, re-encodings. Every input must either import or fail with an ImportError whose every issue
 * is located (file, line, column); nothing else may be thrown. A sample also runs through a store,
 * which must be unchanged after each failure.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parseConfig } from '../src/config/index.js';
import { ImportError } from '../src/errors.js';
import { importFiles, validateFile } from '../src/ingest/index.js';
import { Store } from '../src/store/index.js';
import { BAD_INPUTS } from './e2e/bad-inputs.cases.js';
import { snapshot } from './e2e/import-helpers.js';

const config = parseConfig({ privacy: { salt: 'fuzz' }, crm: { sourceField: 'Lead Type' }, locale: 'en' });

function seeds(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  const realDir = fileURLToPath(new URL('../../shared/data/real/', import.meta.url));
  const fixDir = fileURLToPath(new URL('../fixtures/exports/', import.meta.url));
  for (const dir of [realDir, fixDir]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.csv'))
      .sort()) {
      const buf = readFileSync(dir + f);
      // the first ~12 lines keep the header and a few rows (fast to parse)
      let end = 0;
      for (let n = 0; n < 12 && end < buf.length; n++) {
        const i = buf.indexOf(0x0a, end);
        end = i < 0 ? buf.length : i + 1;
      }
      out.push({ name: f, bytes: buf.subarray(0, Math.min(end, 6000)) });
    }
  }
  for (const c of BAD_INPUTS) if (c.bytes) out.push({ name: c.name, bytes: c.bytes });
  return out;
}

/** mulberry32: a small seeded generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '"',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '""',
  '-',
  '1.47E+18',
  '¥',
  '１２３',
  '%',
  '\u0000',
  '\uFEFF',
  '#',
  '2026-02-30',
  'E',
  ' ',
  '円',
  '\\',
];

function mutate(buf: Buffer, r: () => number): Buffer {
  let b: Buffer = Buffer.from(buf);
  const ops = 1 + Math.floor(r() * 3);
  for (let k = 0; k < ops; k++) {
    const pos = Math.floor(r() * (b.length + 1));
    const op = Math.floor(r() * 9);
    if (op === 0 && b.length > 0) b[Math.min(pos, b.length - 1)] = Math.floor(r() * 256);
    else if (op === 1)
      b = Buffer.concat([b.subarray(0, pos), Buffer.from(PIECES[Math.floor(r() * PIECES.length)]!), b.subarray(pos)]);
    else if (op === 2) b = b.subarray(0, pos);
    else if (op === 3)
      b = Buffer.concat([b.subarray(0, pos), b.subarray(Math.min(b.length, pos + 1 + Math.floor(r() * 20)))]);
    else if (op === 4) {
      const lines = b.toString('latin1').split('\n');
      const i = Math.floor(r() * lines.length);
      lines.splice(i, 0, lines[Math.floor(r() * lines.length)] ?? '');
      b = Buffer.from(lines.join('\n'), 'latin1');
    } else if (op === 5) {
      const lines = b.toString('latin1').split('\n');
      const i = Math.floor(r() * lines.length);
      const j = Math.floor(r() * lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      b = Buffer.from(lines.join('\n'), 'latin1');
    } else if (op === 6) {
      const enc = ['utf-16le', 'utf-16be', 'cp932'][Math.floor(r() * 3)]!;
      b = iconv.encode(b.toString('utf8'), enc, { addBOM: r() < 0.5 });
    } else if (op === 7) b = Buffer.concat([b.subarray(0, pos), Buffer.from('\n\n,,,,\n'), b.subarray(pos)]);
    else b = Buffer.concat([Buffer.from('# preamble\n'), b]);
  }
  return b;
}

function checkError(e: unknown, name: string): void {
  if (!(e instanceof ImportError)) throw new Error(`uncaught ${(e as Error)?.stack ?? String(e)}`);
  expect(e.issues.length).toBeGreaterThan(0);
  for (const i of e.issues) {
    expect(i.path?.file).toBe(name);
    expect(i.path?.line).toBeGreaterThanOrEqual(1);
    expect(i.path?.column).toBeGreaterThanOrEqual(1);
    expect(typeof i.value).toBe('string');
    expect(i.hint).toBeTruthy();
  }
}

describe('import fuzzing', () => {
  const base = seeds();

  it('has seeds from the real files and the fixtures', () => {
    expect(base.length).toBeGreaterThan(50);
  });

  it('10 000 mutated inputs: each imports or fails with located issues', async () => {
    const r = rng(20261203);
    let ok = 0;
    let failed = 0;
    for (let n = 0; n < 10_000; n++) {
      const seed = base[Math.floor(r() * base.length)]!;
      const bytes = mutate(seed.bytes, r);
      try {
        await validateFile({ name: seed.name, bytes }, config);
        ok++;
      } catch (e) {
        checkError(e, seed.name);
        failed++;
      }
    }
    expect(ok + failed).toBe(10_000);
    expect(ok).toBeGreaterThan(500);
    expect(failed).toBeGreaterThan(500);
  }, 300_000);

  it('300 mutated inputs through a store: failures leave it unchanged', async () => {
    const store = await Store.memory();
    const r = rng(7);
    for (let n = 0; n < 300; n++) {
      const seed = base[Math.floor(r() * base.length)]!;
      const bytes = mutate(seed.bytes, r);
      const before = await snapshot(store);
      try {
        await importFiles(store, [{ name: seed.name, bytes }], config);
      } catch (e) {
        checkError(e, seed.name);
        expect(await snapshot(store)).toEqual(before);
      }
    }
    store.close();
  }, 300_000);
});
