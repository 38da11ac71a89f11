import { describe, expect, it } from 'vitest';
import { fixtureCatalog } from '../../test/fixtures/catalog.ts';
import { createPortIndex } from './port-index.ts';

describe('createPortIndex', () => {
  const index = createPortIndex(fixtureCatalog().assignments);
  const ids = (port: number) => index.rowsAt(port).map((row) => row.id);

  it('finds a single port record and the ranges that contain the port', () => {
    expect(ids(22)).toEqual(['a-ssh-tcp', 'a-ssh-udp', 'a-ssh-sctp']);
    expect(ids(6010)).toEqual(['a-x11']);
    expect(ids(6000)).toEqual(['a-x11']);
    expect(ids(6063)).toEqual(['a-x11']);
    expect(ids(6064)).toEqual([]);
  });

  it('keeps every era of a port, records of old documents included', () => {
    expect(ids(15)).toEqual(['a-netstat', 'a-15-unassigned']);
  });

  it('finds a range that spans several blocks of 256 ports at both of its ends', () => {
    expect(ids(48654)).toEqual(['a-gap']);
    expect(ids(48999)).toEqual(['a-gap']);
    expect(ids(48653)).toEqual([]);
  });

  it('leaves out records without a port', () => {
    expect(Array.from({ length: 65536 }, (_, port) => ids(port)).flat()).not.toContain(
      'a-name-only',
    );
  });
});
