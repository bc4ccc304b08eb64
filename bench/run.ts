/**
 * Benchmark runner: `npm run bench -- <name> [<name> …]` runs bench/<name>.ts (without a name: all
 * of them). Each bench file has one scenario and a default export that prints its figures and a
 * ratio against a baseline measured in the same run (the machines are shared and noisy, so
 * absolute times alone mean little).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const names = process.argv.slice(2).filter((a) => a !== '--');
const chosen = names.length > 0 ? names : all;
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`no benchmark "${name}"; choose from: ${all.join(', ')}`);
    process.exit(2);
  }
  const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { default: () => Promise<void> | void };
  console.log(`# ${name}`);
  await mod.default();
}
