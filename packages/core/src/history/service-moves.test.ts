import { describe, expect, it } from 'vitest';
import { record } from '../testing.ts';
import { matchRecords } from './record-matching.ts';

const service = (port: number, description: string, protocol: 'tcp' | null = 'tcp') =>
  record({ port, protocol, description, status: 'assigned' });

describe('rule 8: a service moved to a new port', () => {
  it('continues Telnet on 1 as Old Telnet on 1 and as New Telnet on 23', () => {
    const older = [service(1, 'Telnet', null), service(7, 'Echo', null)];
    const newer = [service(1, 'Old Telnet'), service(7, 'Echo'), service(23, 'New Telnet')];
    const { predecessor, rule } = matchRecords(older, newer);
    expect([...predecessor]).toEqual([0, 1, 0]);
    expect(rule).toEqual(['redescribed', 'protocol-missing', 'moved']);
  });

  it('needs the Old X left behind: a New X alone is a new service', () => {
    const older = [service(1, 'Telnet', null)];
    const newer = [service(1, 'Telnet'), service(23, 'New Telnet')];
    expect([...matchRecords(older, newer).predecessor]).toEqual([0, -1]);
  });

  it('needs the same service: New File Transfer does not continue Telnet', () => {
    const older = [service(1, 'Telnet', null)];
    const newer = [service(1, 'Old Telnet'), service(21, 'New File Transfer')];
    expect([...matchRecords(older, newer).predecessor]).toEqual([0, -1]);
  });
});
