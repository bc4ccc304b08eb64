import type { Command } from 'commander';
import { formatIssue } from '../../issues.js';
import { inspectFile, type InspectResult } from '../../ingest/index.js';
import type { CliContext } from '../context.js';
import type { Register } from './index.js';
import { parseMapFlags, type ImportCommandOptions } from './import.js';

const show = (d: string | undefined) =>
  d === '\t' ? 'tab' : d === ';' ? 'semicolon' : d === ',' ? 'comma' : String(d);

/** `xroi inspect FILE`: what was detected and why; stores nothing. */
export async function inspectCommand(
  ctx: CliContext,
  file: string,
  options: ImportCommandOptions = {},
): Promise<InspectResult> {
  const map = parseMapFlags(options.map);
  const r = inspectFile(
    file,
    { ...ctx.config.config, locale: ctx.locale },
    {
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(Object.keys(map).length > 0 ? { map } : {}),
    },
  );
  if (ctx.out.json) {
    ctx.out.printJson(r);
    return r;
  }
  const o = ctx.out;
  o.print(o.bold(r.file));
  if (r.ok) {
    o.print(`  encoding   ${r.encoding}  (${r.encodingReason})`);
    o.print(`  delimiter  ${show(r.delimiter)}`);
    o.print(
      `  header     line ${r.headerLine}${r.headerLine && r.headerLine > 1 ? ` (${r.headerLine - 1} preamble lines skipped)` : ''}`,
    );
    o.print(`  kind       ${r.kind}  preset ${r.preset} — ${r.presetDescription}`);
    o.print(`  because    header has ${(r.matched ?? []).map((m) => `"${m}"`).join(', ') || '(forced with --kind)'}`);
    o.print('  mapping');
    for (const m of r.mapping ?? [])
      o.print(`    ${m.field.padEnd(22)} ← col ${String(m.column).padStart(3)} "${m.header}" ${o.dim(`(${m.from})`)}`);
    for (const d of r.dynamic ?? [])
      o.print(`    ${`${d.group}:${d.tag}`.padEnd(22)} ← col ${String(d.column).padStart(3)} "${d.header}"`);
    if (r.unmapped && r.unmapped.length > 0)
      o.print(
        o.dim(
          `  not used   ${r.unmapped.length} columns: ${r.unmapped.slice(0, 12).join(', ')}${r.unmapped.length > 12 ? ', …' : ''}`,
        ),
      );
    o.print('  samples');
    for (const s of r.samples ?? []) {
      const cells = (r.mapping ?? []).map((m) => `${m.field}=${JSON.stringify((s[m.header] ?? '').slice(0, 40))}`);
      o.print(`    ${cells.join('  ')}`);
    }
  } else {
    for (const i of r.issues) o.error(formatIssue(i));
  }
  return r;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command, makeCtx: Parameters<Register>[1]): void {
  program
    .command('inspect')
    .description('show how a file would be read: kind, encoding, header, mapping / ファイルの判別結果を表示')
    .argument('<file>', 'CSV / TSV file')
    .option('--kind <kind>', 'force the kind')
    .option('--map <field=Header>', 'map a column by hand (repeatable)', collect)
    .option('--encoding <encoding>', 'force the encoding: utf-8, utf-16le, utf-16be, cp932')
    .option('--json', 'machine-readable output on stdout')
    .action(async (file: string, opts: ImportCommandOptions) => {
      await inspectCommand(makeCtx({ json: (opts as { json?: boolean }).json === true }), file, opts);
    });
}
