import * as m0001 from './0001-init.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** All migrations in order. Add a file `NNNN-name.ts` and list it here. */
export const migrations: readonly Migration[] = [m0001];

export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
