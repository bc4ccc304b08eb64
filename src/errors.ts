/**
 * Error types. Programmer mistakes and unusable input throw an `XroiError` subclass with a stable
 * `code`; data problems inside a file are collected as `Issue`s (see issues.ts) and thrown together
 * as one `ImportError`. The CLI maps these to exit codes in one place (cli/main.ts).
 */
import type { Issue } from './issues.js';

export class XroiError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  constructor(code: string, message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }
}

/** The config file or an option is invalid. Exit code 2. */
export class ConfigError extends XroiError {
  readonly issues: Issue[];
  constructor(message: string, issues: Issue[] = [], hint?: string) {
    super('config_invalid', message, hint);
    this.issues = issues;
  }
}

/** A file could not be imported; nothing was stored. Exit code 2. */
export class ImportError extends XroiError {
  readonly issues: Issue[];
  readonly file: string;
  constructor(file: string, issues: Issue[], message?: string) {
    super(
      issues[0]?.code ?? 'import_failed',
      message ?? issues[0]?.message ?? `could not import ${file}`,
      issues[0]?.hint,
    );
    this.file = file;
    this.issues = issues;
  }
}

/** A model could not run on the given data (for example a fit that cannot converge). */
export class ModelError extends XroiError {
  constructor(code: string, message: string, hint?: string) {
    super(code, message, hint);
  }
}

/** Ends the CLI with a given exit code after the message has been printed. */
export class ExitError extends XroiError {
  readonly exitCode: number;
  constructor(exitCode: number, message = '') {
    super('exit', message);
    this.exitCode = exitCode;
  }
}

/** A bug in xroi itself. */
export class InternalError extends XroiError {
  constructor(message: string) {
    super('internal', message);
  }
}
