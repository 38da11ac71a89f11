import { describe, expect, it } from 'vitest';
import { record } from '../../test/fixtures/timeline/records.ts';
import type { RegistryRecord } from '../model.ts';
import { matchRecords } from './record-matching.ts';

/** For each newer record: [index of the older record it continues, the rule], or null. */
function links(older: RegistryRecord[], newer: RegistryRecord[]) {
  const { predecessor, rule } = matchRecords(older, newer);
  return [...predecessor].map((a, b) => (a === -1 ? null : [a, rule[b]]));
}

describe('matchRecords', () => {
  it('rule 1: matches keywords case-insensitively', () => {
    const older = [record({ serviceName: 'NETSTAT', port: 15, protocol: 'tcp' })];
    const newer = [record({ serviceName: 'netstat', port: 15, protocol: 'tcp' })];
    expect(links(older, newer)).toEqual([[0, 'exact']]);
  });

  it('rule 1: tells unnamed services apart by description, and Unassigned from a service', () => {
    const older = [
      record({ port: 51, protocol: 'tcp', description: 'Unassigned' }),
      record({ port: 52, protocol: 'tcp', description: 'XNS Time Protocol', status: 'assigned' }),
    ];
    const newer = [
      record({
        port: 51,
        protocol: 'tcp',
        description: 'Message Generator Control',
        status: 'assigned',
      }),
      record({ port: 52, protocol: 'tcp', description: 'XNS Time Protocol', status: 'assigned' }),
    ];
    expect(links(older, newer)).toEqual([null, [1, 'exact']]);
  });

  it('rule 2: continues a protocol-less record in each protocol', () => {
    const older = [record({ port: [1, 4], description: 'Unassigned' })];
    const newer = [
      record({ port: [1, 4], protocol: 'tcp', description: 'Unassigned' }),
      record({ port: [1, 4], protocol: 'udp', description: 'Unassigned' }),
    ];
    expect(links(older, newer)).toEqual([
      [0, 'protocol-missing'],
      [0, 'protocol-missing'],
    ]);
  });

  it('rules 3 and 3b: follows a well-formed respelling and a rename with the same description', () => {
    const older = [
      record({ serviceName: 'sql*net', port: 66, protocol: 'tcp', description: 'Oracle SQL*NET' }),
      record({ serviceName: 'www', port: 80, protocol: 'tcp', description: 'World Wide Web HTTP' }),
      record({ serviceName: 'foo', port: 81, protocol: 'tcp', description: 'Foo' }),
      record({
        serviceName: 'UNTP',
        port: 119,
        protocol: 'tcp',
        description: 'USENET News Transfer Protocol',
      }),
    ];
    const newer = [
      record({ serviceName: 'sql-net', port: 66, protocol: 'tcp', description: 'Oracle' }),
      record({
        serviceName: 'www-http',
        port: 80,
        protocol: 'tcp',
        description: 'World Wide Web HTTP',
      }),
      record({ serviceName: 'bar', port: 81, protocol: 'tcp', description: 'Bar' }),
      record({
        serviceName: 'NNTP',
        port: 119,
        protocol: 'tcp',
        description: 'Network News Transfer Protocol',
      }),
    ];
    expect(links(older, newer)).toEqual([
      [0, 'well-formed-rename'],
      [1, 'renamed-same-description'],
      null,
      [3, 'renamed-same-description'],
    ]);
  });

  it('rules 4 and 4b: follows keyword-less services into named and re-described ones', () => {
    const older = [
      record({
        port: 15,
        protocol: 'tcp',
        description: 'Who is up or NETSTAT',
        status: 'assigned',
      }),
      record({ port: 23, protocol: 'tcp', description: 'New Telnet', status: 'assigned' }),
      record({ port: 25, protocol: 'tcp', description: 'SMTP', status: 'assigned' }),
      record({ port: 25, protocol: 'udp', description: 'SMTP', status: 'assigned' }),
    ];
    const newer = [
      record({
        serviceName: 'NETSTAT',
        port: 15,
        protocol: 'tcp',
        description: 'Who is up or NETSTAT',
      }),
      record({ port: 23, protocol: 'tcp', description: 'Telnet', status: 'assigned' }),
      record({ port: 25, protocol: 'tcp', description: 'Leaf-1', status: 'assigned' }),
      record({
        serviceName: 'SMTP',
        port: 25,
        protocol: 'udp',
        description: 'Simple Mail Transfer',
      }),
    ];
    expect(links(older, newer)).toEqual([
      [0, 'keyword-missing'],
      [1, 'redescribed'],
      null,
      [3, 'keyword-missing'],
    ]);
  });

  it('rule 5: continues a service into the entry its port is left with', () => {
    const older = [
      record({ serviceName: 'netstat', port: 15, protocol: 'tcp', description: 'Who is up' }),
      record({
        serviceName: 'audionews',
        port: 114,
        protocol: 'tcp',
        description: 'Audio News Multicast',
      }),
      record({
        port: 51,
        protocol: 'tcp',
        description: 'Simple Internet Mail',
        status: 'assigned',
      }),
    ];
    const newer = [
      record({ port: 15, protocol: 'tcp', description: 'Unassigned [was netstat]' }),
      record({ port: 114, description: 'Deprecated June 2004', status: 'assigned' }),
      record({ port: 51, protocol: 'tcp', description: 'Unassigned' }),
    ];
    expect(links(older, newer)).toEqual([
      [0, 'name-withdrawn'],
      [1, 'name-withdrawn'],
      [2, 'name-withdrawn'],
    ]);
  });

  it('rule 6: keeps an Unassigned range in the piece that overlaps it most', () => {
    const older = [record({ port: [256, 343], description: 'Unassigned' })];
    const newer = [
      record({ port: [256, 260], description: 'Unassigned' }),
      record({ serviceName: 'new', port: 261, protocol: 'tcp', description: 'New' }),
      record({ port: [262, 343], description: 'Unassigned' }),
    ];
    expect(links(older, newer)).toEqual([null, null, [0, 'range-resized']]);
  });
});
