import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { people } from '../schema.ts';
import { parseCopyText } from './copy-text.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseCopyText', () => {
  it('reads fields by column type, NULL apart from an empty string', async () => {
    const rows = await parseCopyText(
      people,
      bytes(
        'IETF\tInternet\\tEngineering\t\t\\N\t2020-01\t7\nApple\t\\N\tApple Inc.\tmailto:x\\\\y\t\\N\t8\n',
      ),
    );
    expect(rows).toEqual([
      {
        id: 'IETF',
        name: 'Internet\tEngineering',
        org: '',
        uri: null,
        updated: '2020-01',
        sourceId: 7,
      },
      {
        id: 'Apple',
        name: null,
        org: 'Apple Inc.',
        uri: 'mailto:x\\y',
        updated: null,
        sourceId: 8,
      },
    ]);
  });

  it('reads a last row without its newline, and nothing from nothing', async () => {
    expect(await parseCopyText(people, bytes('a\t\\N\t\\N\t\\N\t\\N\t1'))).toHaveLength(1);
    expect(await parseCopyText(people, bytes(''))).toEqual([]);
  });

  it('refuses a row of the wrong width rather than shifting its fields', async () => {
    await expect(parseCopyText(people, bytes('a\tb\n'))).rejects.toThrow(
      'COPY text row with 2 fields, expected 6',
    );
  });

  it('refuses a column type it has no reader for', async () => {
    const stamped = pgTable('stamped', { id: integer(), at: timestamp(), note: text() });
    await expect(parseCopyText(stamped, bytes('1\t2026-01-01 00:00:00\tx\n'))).rejects.toThrow(
      'COPY text of at (PgTimestamp) has no reader',
    );
  });
});
