import { existsSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { configTemplate, CONFIG_FILE } from '../../config/index.js';
import { ExitError } from '../../errors.js';
import type { CliContext } from '../context.js';

export interface InitOptions {
  dir?: string;
  force?: boolean;
  print?: boolean;
}

/** Write a commented xroi.config.yaml with a fresh salt. Returns the file written (or null with --print). */
export async function init(ctx: CliContext, options: InitOptions = {}): Promise<string | null> {
  const text = configTemplate(randomBytes(16).toString('hex'));
  if (options.print) {
    ctx.out.print(text);
    return null;
  }
  const file = resolve(options.dir ?? process.cwd(), CONFIG_FILE);
  if (existsSync(file) && !options.force) {
    ctx.out.error(ctx.t('init.exists', { file: CONFIG_FILE }));
    throw new ExitError(1);
  }
  writeFileSync(file, text);
  ctx.out.info(ctx.t('init.written', { file: CONFIG_FILE }));
  return file;
}

export function register(program: Command, makeCtx: () => CliContext): void {
  program
    .command('init')
    .description('write xroi.config.yaml with commented defaults / 設定ファイルを作成')
    .option('--force', 'overwrite an existing file')
    .option('--print', 'print the template instead of writing it')
    .action(async (opts: InitOptions) => {
      await init(makeCtx(), opts);
    });
}
