export { Store, toJs, type Row, type Param, type OpenOptions } from './duckdb.js';
export { migrations, SCHEMA_VERSION, type Migration } from './migrations/index.js';
