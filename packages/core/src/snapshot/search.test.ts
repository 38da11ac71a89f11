import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { record, snapshotRowsFrom } from '../testing.ts';
import { buildRegistrySnapshot } from './build-snapshot.ts';

// Twelve names starting "web" on ports 8000-8011, named against port order (web-l on 8000,
// web-a on 8011), and records whose descriptions hold the word "web" without the name.
const letters = 'abcdefghijkl'.split('');
const records = [
  ...letters.map((letter, i) =>
    record({
      serviceName: `web-${letter}`,
      port: 8011 - i,
      protocol: 'tcp',
      description: `Service ${letter}`,
    }),
  ),
  record({ serviceName: 'proxy', port: 3128, protocol: 'tcp', description: 'A web proxy' }),
  record({ serviceName: 'cache', port: 3130, protocol: 'tcp', description: 'Web cache peers' }),
];
const rows = () =>
  snapshotRowsFrom([
    { id: 1, edition: 'iana:2020-01-01', published: '2020-01-01', records, people: [] },
  ]);
const snapshot = await buildRegistrySnapshot(rows());

const QUERIES = ['web', 'WEB-', 'web-c', 'wbe', 'proxy', 'web cache', '8000-8011', '8005', 'cache'];

describe('search, one page at a time', () => {
  it('answers a page as the first hits of the whole answer', () => {
    for (const query of QUERIES) {
      const whole = snapshot.search(query);
      for (let size = 1; size <= whole.length + 1; size++) {
        expect(snapshot.search(query, size), `${query}, ${size}`).toEqual(whole.slice(0, size));
      }
    }
  });

  it('still finds words when the names do not fill the page', () => {
    const whole = snapshot.search('web');
    // Twelve names first (prefix), then the two records holding the word.
    expect(whole.map((hit) => hit.kind === 'service' && hit.reason)).toEqual([
      ...letters.map(() => 'prefix'),
      'text',
      'text',
    ]);
    expect(snapshot.search('web', 13).at(-1)).toMatchObject({ reason: 'text' });
  });

  it('lists the services of a range by name, whatever the page size', () => {
    const names = (size?: number) =>
      snapshot
        .search('8000-8011', size)
        .flatMap((hit) => (hit.kind === 'service' ? [hit.serviceName] : []));
    expect(names()).toEqual(letters.map((letter) => `web-${letter}`));
    expect(names(4)).toEqual(['web-a', 'web-b', 'web-c']);
  });
});

describe('search by words', () => {
  const WORD_QUERIES = ['web cache', 'cache web', 'web web cache', 'peers proxy', 'serv', 'a web'];

  it('ranks records as one MiniSearch query of all the words (OR) ranks them', () => {
    const words = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    words.addAll(records.map((row, id) => ({ id, text: `${row.serviceName} ${row.description}` })));
    for (const query of WORD_QUERIES) {
      const results = words.search(query, {
        prefix: (term) => term.length >= 3,
        combineWith: 'OR',
      });
      const terms = new Set(query.split(' ')).size;
      const holdingAll = results.filter((result) => result.queryTerms.length === terms);
      const [weight, ranked] = holdingAll.length > 0 ? [50, holdingAll] : [30, results];
      const expected = new Map<string, number>();
      for (const { id, score } of ranked) {
        const name = records[id]?.serviceName as string;
        if (!expected.has(name)) expected.set(name, weight * (score / (score + 1)));
      }
      const text = snapshot
        .search(query)
        .flatMap((hit) =>
          hit.kind === 'service' && hit.reason === 'text' ? [[hit.serviceName, hit.score]] : [],
        );
      expect(text.length, query).toBeGreaterThan(0);
      for (const [name, score] of text) {
        expect(score, `${query}: ${name}`).toBeCloseTo(expected.get(name as string) ?? -1, 10);
      }
    }
  });

  it('answers the same whatever was searched before (the scores kept by term)', async () => {
    for (const query of [...QUERIES, ...WORD_QUERIES]) snapshot.search(query);
    const fresh = await buildRegistrySnapshot(rows());
    for (const query of WORD_QUERIES.toReversed()) {
      expect(snapshot.search(query), query).toEqual(fresh.search(query));
    }
  });
});
