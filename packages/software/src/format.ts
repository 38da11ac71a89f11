import type { Software } from './schema.ts';

/** A category file as Biome formats it: two-space JSON with short string lists on one line. */
export function formatSoftwareFile(entries: readonly Software[]): string {
  const json = JSON.stringify(entries, null, 2);
  return `${json.replace(/\[\s+("[^"\n]*"(?:,\s+"[^"\n]*")*)\s+\]/g, (_, items: string) => `[${items.replace(/,\s+/g, ', ')}]`)}\n`;
}
