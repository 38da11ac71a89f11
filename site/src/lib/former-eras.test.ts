import { describe, expect, it } from 'vitest';
import { formerEras } from './former-eras.ts';

const version = (
  lineage: string,
  from: string,
  to: string | null,
  status: 'assigned' | 'unassigned',
  serviceName: string | null,
  description: string | null,
) => ({ lineage, validFrom: from, validTo: to, status, serviceName, description });

// Port 15 as the documents state it: RFC 739 on, NETSTAT named from 1984, Unassigned from 1987,
// netstat under "UNIX PORTS" in RFC 1060 only, Unassigned [was netstat] since.
const port15 = [
  version('tcp', '1977-11-01', '1984-06-01', 'assigned', null, 'Who is up or NETSTAT'),
  version('tcp', '1984-06-01', '1987-05-01', 'assigned', 'NETSTAT', 'Who is up or NETSTAT'),
  version('tcp', '1987-05-01', '1992-07-01', 'unassigned', null, 'Unassigned'),
  version('tcp', '1992-07-01', null, 'unassigned', null, 'Unassigned [was netstat]'),
  version('udp', '1981-09-01', '1984-06-01', 'assigned', null, 'Who is up or NETSTAT'),
  version('udp', '1984-06-01', '1987-05-01', 'assigned', 'NETSTAT', 'Who is up or NETSTAT'),
  version('udp', '1987-05-01', null, 'unassigned', null, 'Unassigned'),
  version('unix-tcp', '1990-03-01', '1992-07-01', 'assigned', 'netstat', null),
  version('unix-udp', '1990-03-01', '1992-07-01', 'assigned', 'netstat', null),
];

describe('formerEras', () => {
  it('gives port 15 its three eras, not "NETSTAT 1984–1992"', () => {
    expect(formerEras(port15)).toEqual([
      {
        label: 'Who is up or NETSTAT',
        aliases: ['NETSTAT'],
        unassigned: false,
        from: '1977-11-01',
        to: '1987-05-01',
      },
      { label: 'Unassigned', aliases: [], unassigned: true, from: '1987-05-01', to: '1990-03-01' },
      {
        label: 'netstat',
        aliases: ['netstat'],
        unassigned: false,
        from: '1990-03-01',
        to: '1992-07-01',
      },
    ]);
  });

  it('joins eras of one service name under two descriptions (an NCP list, then RFC 739)', () => {
    const eras = formerEras([
      version('tcp', '1973-04-13', '1984-06-01', 'assigned', null, 'Netstat or who-is-up function'),
      version('tcp', '1984-06-01', '1987-05-01', 'assigned', 'NETSTAT', 'Who is up or NETSTAT'),
      version('tcp', '1987-05-01', null, 'unassigned', null, 'Unassigned'),
      version('udp', '1981-09-01', '1984-06-01', 'assigned', null, 'Who is up or NETSTAT'),
      version('udp', '1984-06-01', '1987-05-01', 'assigned', 'NETSTAT', 'Who is up or NETSTAT'),
      version('udp', '1987-05-01', null, 'unassigned', null, 'Unassigned'),
    ]);
    expect(eras).toEqual([
      {
        label: 'Netstat or who-is-up function',
        aliases: ['NETSTAT'],
        unassigned: false,
        from: '1973-04-13',
        to: '1987-05-01',
      },
    ]);
  });

  it('joins eras that shared a description on two protocols, though neither had a name', () => {
    const eras = formerEras([
      version('tcp', '1973-04-13', '1977-11-01', 'assigned', null, 'Systat or who-is-on function'),
      version('tcp', '1977-11-01', '1983-08-01', 'assigned', null, 'Who is on or SYSTAT'),
      version('tcp', '1983-08-01', null, 'unassigned', null, 'Unassigned'),
      version('udp', '1981-09-01', '1983-08-01', 'assigned', null, 'Who is on or SYSTAT'),
      version('udp', '1983-08-01', null, 'unassigned', null, 'Unassigned'),
    ]);
    expect(eras.map((era) => [era.label, era.from, era.to])).toEqual([
      ['Systat or who-is-on function', '1973-04-13', '1983-08-01'],
    ]);
  });

  it('leaves out names still held today', () => {
    const eras = formerEras([
      version('a', '2004-01-08', '2013-02-18', 'assigned', 'ssh', 'old text'),
      version('a', '2013-02-18', null, 'assigned', 'ssh', 'The Secure Shell'),
    ]);
    expect(eras).toEqual([]);
  });
});
