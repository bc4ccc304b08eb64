/**
 * The command list. Each command lives in its own file and exports `register(program, makeCtx)`;
 * add one line here for a new command.
 */
import type { Command } from 'commander';
import type { CliContext, GlobalOptions } from '../context.js';
import { register as init } from './init.js';
import { register as importCmd } from './import.js';
import { register as inspect } from './inspect.js';
import { register as attribution } from './attribution.js';
import { register as lift } from './lift.js';
import { register as ltv } from './ltv.js';
import { register as report } from './report.js';
import { register as demo } from './demo.js';

/** `makeCtx` builds the command's context; a command's own `--json` flag goes in `overrides`. */
export type Register = (program: Command, makeCtx: (overrides?: Partial<GlobalOptions>) => CliContext) => void;

export const commands: Register[] = [init, importCmd, inspect, report, attribution, lift, ltv, demo];
