import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../test/describe-shared-data.ts';
import type { RangeClassDefinition } from '../model.ts';
import { sharedDataFile } from '../testing.ts';
import { IANA_RANGE_CLASSES } from './range-classes.ts';
import { REGISTRY_EVENTS } from './registry-events.ts';

/** The shared-data copy of the document a definition quotes. */
function sourceFile(definedByUrl: string): string {
  const rfc = /rfc-editor\.org\/rfc\/rfc(\d+)/.exec(definedByUrl);
  if (rfc) return `rfc/rfc${rfc[1]}.txt`;
  if (definedByUrl.includes('sethwklein/iana-etc'))
    return 'iana-snapshots/2004-01-08.port-numbers.txt';
  throw new Error(`no shared copy of ${definedByUrl}`);
}

/** Whitespace-normalised, and a range broken after its hyphen at a line end (`1024-⏎49151`) rejoined. */
const words = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/(\d)- (\d)/g, '$1-$2')
    .trim();

describeSharedData('the quotations of the IANA range classes', () => {
  const quoted: Pick<RangeClassDefinition, 'id' | 'definedByUrl' | 'quotation'>[] = [
    ...IANA_RANGE_CLASSES,
    ...REGISTRY_EVENTS,
  ];
  it.each(quoted.map((c) => [c.id, c] as const))('%s appears verbatim in its document', (_, c) => {
    const text = readFileSync(sharedDataFile(sourceFile(c.definedByUrl)) as string, 'latin1');
    expect(words(text).includes(words(c.quotation)), c.quotation).toBe(true);
  });
});
