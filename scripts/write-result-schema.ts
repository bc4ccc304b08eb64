/** `npm run schema:result`: regenerate schema/result.schema.json from the TypeScript types. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RESULT_SCHEMA_FILE, resultSchemaText } from './result-schema.js';

const file = fileURLToPath(new URL(`../${RESULT_SCHEMA_FILE}`, import.meta.url));
writeFileSync(file, resultSchemaText());
process.stderr.write(`Wrote ${RESULT_SCHEMA_FILE}\n`);
