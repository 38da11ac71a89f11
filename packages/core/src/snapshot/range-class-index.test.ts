import { describe, expect, it } from 'vitest';
import { EPHEMERAL_RANGES } from '../ranges/ephemeral.ts';
import { IANA_RANGE_CLASSES } from '../ranges/range-classes.ts';
import { RangeClassIndex } from './range-class-index.ts';

const classes = new RangeClassIndex([...IANA_RANGE_CLASSES, ...EPHEMERAL_RANGES]);

describe('RangeClassIndex.classOf', () => {
  it.each([
    [80, '1980-01-01', 'rfc739-hosts-specific'],
    [80, '1985-06-01', 'rfc820-assigned-ports'],
    [300, '1991-01-01', 'rfc1060-unix-standard'],
    [1000, '1991-01-01', 'rfc1060-unix-standard'],
    [5000, '1993-01-01', 'rfc1340-registered'],
    [50000, '1999-01-01', 'rfc1340-registered'],
    [50000, '2005-01-01', 'iana-2004-dynamic'],
    [80, '2005-01-01', 'rfc1340-well-known'],
    [443, '2026-01-01', 'rfc6335-system'],
    [8080, '2026-01-01', 'rfc6335-user'],
    [50000, '2026-01-01', 'rfc6335-dynamic'],
  ])('puts port %i on %s in %s', (port, date, id) => {
    expect(classes.classOf(port, date)?.id).toBe(id);
  });

  it('finds no class before the first Assigned Numbers RFC, nor above 255 in 1980', () => {
    expect(classes.classOf(7, '1970-01-01')).toBeUndefined();
    expect(classes.classOf(1000, '1980-01-01')).toBeUndefined();
  });
});

describe('RangeClassIndex.classesAt', () => {
  it('lists the three RFC 6335 classes today, and Well Known plus Registered in 1994', () => {
    expect(classes.classesAt('2026-01-01').map((c) => c.id)).toEqual([
      'rfc6335-system',
      'rfc6335-user',
      'rfc6335-dynamic',
    ]);
    expect(classes.classesAt('1994-10-01').map((c) => [c.low, c.high])).toEqual([
      [0, 1023],
      [1024, 65535],
    ]);
  });
});

describe('RangeClassIndex.ephemeralAt', () => {
  it('finds the systems that may pick a port as a client port', () => {
    expect(classes.ephemeralAt(undefined, 50000).map((r) => r.id)).toEqual(
      expect.arrayContaining(['windows-vista', 'linux', 'freebsd', 'macos']),
    );
    expect(classes.ephemeralAt(undefined, 3000).map((r) => r.id)).toEqual(['windows-xp']);
    expect(classes.ephemeralAt('2020-01-01', 3000)).toEqual([]);
    expect(classes.ephemeralAt(undefined, 80)).toEqual([]);
  });
});
