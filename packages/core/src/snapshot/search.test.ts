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
const snapshot = await buildRegistrySnapshot(
  snapshotRowsFrom([
    { id: 1, edition: 'iana:2020-01-01', published: '2020-01-01', records, people: [] },
  ]),
);

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
