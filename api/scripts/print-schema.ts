import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, schemaText } from '../src/schema-file.ts';

/** Writes `api/schema.graphql`; `test/schema.test.ts` fails when it is stale. */
writeFileSync(SCHEMA_FILE, schemaText());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
