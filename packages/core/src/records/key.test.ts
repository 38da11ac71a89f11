import { describe, expect, it } from 'vitest';
import { recordKey } from './key.ts';

describe('recordKey', () => {
  it('joins range, protocol and lower-cased name', () => {
    expect(
      recordKey({ portRange: { low: 6000, high: 6063 }, protocol: 'tcp', serviceName: 'X11' }),
    ).toBe('6000-6063/tcp/x11');
    expect(
      recordKey({ portRange: { low: 22, high: 22 }, protocol: 'udp', serviceName: 'ssh' }),
    ).toBe('22-22/udp/ssh');
  });

  it('writes - for an absent range, protocol or name', () => {
    expect(recordKey({ portRange: null, protocol: null, serviceName: 'rdp' })).toBe('-/-/rdp');
    expect(recordKey({ portRange: { low: 4, high: 4 }, protocol: 'tcp', serviceName: null })).toBe(
      '4-4/tcp/-',
    );
  });
});
