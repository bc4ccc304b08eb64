/**
 * What every command gets: the loaded config (lazily, so that `init` works without one), the
 * locale, and the output helpers. Commands are plain async functions; the CLI only parses flags.
 */
import { loadConfig, storePath, type LoadedConfig } from '../config/index.js';
import { translator, type Locale } from '../messages/index.js';
import { Output } from './output.js';

export interface GlobalOptions {
  config?: string;
  lang?: Locale;
  json?: boolean;
  quiet?: boolean;
}

export class CliContext {
  private loaded: LoadedConfig | undefined;
  readonly out: Output;
  constructor(
    readonly globals: GlobalOptions,
    out?: Output,
  ) {
    this.out = out ?? new Output({ json: globals.json ?? false, quiet: globals.quiet ?? false });
  }
  /** The config (defaults when there is no xroi.config.yaml). */
  get config(): LoadedConfig {
    this.loaded ??= loadConfig(this.globals.config ?? process.cwd());
    return this.loaded;
  }
  get locale(): Locale {
    return this.globals.lang ?? this.config.config.locale;
  }
  get t() {
    return translator(this.locale);
  }
  get storePath(): string {
    return storePath(this.config);
  }
}
