import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchema, CONFIG_SCHEMA_FILE } from './config-schema.js';

const file = fileURLToPath(new URL(`../${CONFIG_SCHEMA_FILE}`, import.meta.url));
writeFileSync(file, configJsonSchema());
process.stdout.write(`wrote ${CONFIG_SCHEMA_FILE}\n`);
