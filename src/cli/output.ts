/**
 * Terminal output: results to stdout (a table on a TTY, JSON when piped or with --json), progress
 * and warnings to stderr. Honours NO_COLOR. Progress lines are drawn only on a TTY.
 */
import pc from 'picocolors';

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
}

export class Output {
  readonly json: boolean;
  readonly quiet: boolean;
  private readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly color: boolean;
  constructor(o: OutputOptions) {
    this.stdout = o.stdout ?? process.stdout;
    this.stderr = o.stderr ?? process.stderr;
    this.json = o.json || !this.stdout.isTTY ? o.json : false;
    this.quiet = o.quiet;
    this.color = !!this.stdout.isTTY && !process.env.NO_COLOR;
  }
  get isTTY(): boolean {
    return !!this.stdout.isTTY;
  }
  get stderrIsTTY(): boolean {
    return !!this.stderr.isTTY;
  }
  /** A result line for humans. */
  print(line = ''): void {
    this.stdout.write(`${line}\n`);
  }
  /** A machine-readable result. */
  printJson(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
  /** Progress and notes, to stderr, unless --quiet. */
  info(line: string): void {
    if (!this.quiet) this.stderr.write(`${line}\n`);
  }
  warn(line: string): void {
    this.stderr.write(`${this.color ? pc.yellow(line) : line}\n`);
  }
  error(line: string): void {
    this.stderr.write(`${this.color ? pc.red(line) : line}\n`);
  }
  /** Redraw a one-line progress indicator on a TTY; silent otherwise. */
  progress(line: string): void {
    if (this.quiet || !this.stderr.isTTY) return;
    this.stderr.write(`\r\x1b[2K${line}`);
  }
  progressDone(): void {
    if (this.quiet || !this.stderr.isTTY) return;
    this.stderr.write('\r\x1b[2K');
  }
  bold(s: string): string {
    return this.color ? pc.bold(s) : s;
  }
  dim(s: string): string {
    return this.color ? pc.dim(s) : s;
  }
}
