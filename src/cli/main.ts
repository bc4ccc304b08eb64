/**
 * The `xroi` command: parse flags → run one command → one catch that maps errors to exit codes
 * (CONVENTIONS 3.4). Exit codes: 0 ok, 1 failure, 2 invalid input (config or data), 70 internal bug.
 */
import { Command, CommanderError } from 'commander';
import { XroiError, ConfigError, ImportError, ExitError, InternalError } from '../errors.js';
import { formatIssue } from '../issues.js';
import { CliContext, type GlobalOptions } from './context.js';
import { Output } from './output.js';
import { VERSION } from '../version.js';
import { commands } from './commands/index.js';

export function buildProgram(makeCtx: (overrides?: Partial<GlobalOptions>) => CliContext): Command {
  const program = new Command('xroi')
    .description('The true ROI of B2B marketing on X (Twitter) / X（旧Twitter）のB2Bマーケティングの真のROI')
    .version(VERSION)
    .option('-c, --config <path>', 'xroi.config.yaml or the folder holding it (default: current folder)')
    .option('--lang <lang>', 'ja | en (default: the config locale, ja)')
    .option('-q, --quiet', 'no progress output')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program, makeCtx);
  return program;
}

/** Run the CLI; returns the process exit code. */
export async function main(argv: string[], output?: Output): Promise<number> {
  let ctx: CliContext | undefined;
  const program = buildProgram((overrides = {}) => {
    const g = { ...program.opts<GlobalOptions>(), ...overrides };
    if (g.lang && g.lang !== 'ja' && g.lang !== 'en') {
      throw new ConfigError(`--lang must be ja or en, not "${g.lang}"`);
    }
    ctx = new CliContext(g, output);
    return ctx;
  });
  const out = () => ctx?.out ?? output ?? new Output({ json: false, quiet: false });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return handleError(e, out());
  }
}

function handleError(e: unknown, out: Output): number {
  if (e instanceof CommanderError) {
    // help and version exit 0; usage errors were already printed by commander
    return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
  }
  if (e instanceof ExitError) {
    if (e.message) out.error(e.message);
    return e.exitCode;
  }
  if (e instanceof ImportError || e instanceof ConfigError) {
    // the issues carry the message with its location; print the summary only when there are none
    if (e.issues.length === 0 || e.issues[0]!.message !== e.message) out.error(`error: ${e.message}`);
    const shown = e.issues.slice(0, 20);
    for (const issue of shown) out.error(formatIssue(issue));
    if (e.issues.length > shown.length) out.error(`… and ${e.issues.length - shown.length} more`);
    if (e instanceof ImportError) out.error('Nothing was stored. / 何も保存していません。');
    else if (e.hint && !shown.some((i) => i.hint)) out.error(`hint: ${e.hint}`);
    return 2;
  }
  if (e instanceof InternalError) {
    out.error(`internal error: ${e.message}`);
    out.error('This is a bug in xroi: please report it with the command you ran and `xroi --version`.');
    return 70;
  }
  if (e instanceof XroiError) {
    out.error(`error: ${e.message}`);
    if (e.hint) out.error(`hint: ${e.hint}`);
    return 1;
  }
  const err = e as Error;
  out.error(`unexpected error: ${err?.stack ?? String(e)}`);
  return 1;
}
