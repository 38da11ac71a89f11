import type { Db } from '../database.ts';
import { sources } from '../schema.ts';

/** Every stored document, sha256 to `kind/edition`: what a sync need not read again. */
export async function storedDocumentKeys(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ sha256: sources.sha256, kind: sources.kind, edition: sources.edition })
    .from(sources);
  return new Map(rows.map((row) => [row.sha256, `${row.kind}/${row.edition}`]));
}
