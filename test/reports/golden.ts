/**
 * Golden-file helper (Plot's habit): compare with a vitest file snapshot and, on a mismatch, leave
 * the new output beside the golden as NAME-changed.EXT (git-ignored) so CI can upload it for review.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export async function expectGolden(actual: string, file: URL): Promise<void> {
  const path = file.pathname;
  const changed = path.replace(/(\.[a-z]+)$/, '-changed$1');
  if (existsSync(path) && readFileSync(path, 'utf8') !== actual) writeFileSync(changed, actual);
  else rmSync(changed, { force: true });
  await expect(actual).toMatchFileSnapshot(path);
}
