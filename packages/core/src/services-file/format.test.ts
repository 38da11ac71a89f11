import { describe, expect, it } from 'vitest';
import { formatServicesFile, type ServicesFileRecord } from './format.ts';

function record(
  serviceName: string | null,
  low: number,
  high: number,
  protocol: 'tcp' | 'udp',
  description: string,
) {
  const row: ServicesFileRecord = {
    serviceName,
    portLow: low,
    portHigh: high,
    protocol,
    description,
  };
  return row;
}

const records = [
  record('ssh', 22, 22, 'tcp', 'The Secure Shell\n(SSH) Protocol'),
  record(null, 23, 62, 'tcp', 'Unassigned'),
  record('x11', 6000, 6002, 'udp', 'X Window System'),
  record('bad name', 7, 7, 'tcp', 'not writable'),
];

describe('formatServicesFile', () => {
  it('writes one services(5) line per record, first port of a range, comment on one line', () => {
    const text = formatServicesFile(records, { expandRanges: false, header: ['portbook', ''] });
    expect(text.split('\n')).toEqual([
      '# portbook',
      '#',
      'ssh                     22/tcp          # The Secure Shell (SSH) Protocol',
      'x11                     6000/udp        # X Window System (range 6000-6002)',
      '',
    ]);
  });

  it('expands ranges to one line per port when asked', () => {
    const text = formatServicesFile(records, { expandRanges: true, header: [] });
    expect(text.match(/^x11 +\d+\/udp/gm)?.map((l) => l.replace(/ +/, ' '))).toEqual([
      'x11 6000/udp',
      'x11 6001/udp',
      'x11 6002/udp',
    ]);
  });
});
