import { describe, expect, it } from 'vitest';
import type { CommonUse, SoftwareRow } from '../software/model.ts';
import { commonUseRecords, UNOFFICIAL, withCommonUses } from './common-uses.ts';
import { formatServicesFile } from './format.ts';

const citation = { url: 'https://example.org/', title: 'Example' };
const kubernetes: SoftwareRow = {
  id: 'kubernetes',
  name: 'Kubernetes',
  category: 'containers',
  homepage: 'https://kubernetes.io/',
  uses: [],
};
const mosh: SoftwareRow = { ...kubernetes, id: 'mosh', name: 'Mosh' };
const uses: CommonUse[] = [
  {
    software: kubernetes,
    use: {
      low: 6443,
      high: 6443,
      protocols: ['tcp'],
      purpose: 'API server',
      setting: null,
      citation,
    },
  },
  {
    software: mosh,
    use: {
      low: 60000,
      high: 61000,
      protocols: ['udp'],
      purpose: 'session',
      setting: null,
      citation,
    },
  },
];
const registry = [
  { serviceName: 'ssh', portLow: 22, portHigh: 22, protocol: 'tcp', description: 'SSH' },
  {
    serviceName: 'sun-sr-https',
    portLow: 6443,
    portHigh: 6443,
    protocol: 'tcp',
    description: 'Service Registry',
  },
];

describe('common uses in a services file', () => {
  it('writes each use as a line marked unofficial, after the registry line on its port', () => {
    const records = withCommonUses(registry, commonUseRecords(uses, {}));
    const text = formatServicesFile(records, { expandRanges: false, header: [] });
    expect(text.split('\n')).toEqual([
      'ssh                     22/tcp          # SSH',
      'sun-sr-https            6443/tcp        # Service Registry',
      `kubernetes              6443/tcp        # ${UNOFFICIAL} Kubernetes, API server`,
      `mosh                    60000/udp       # ${UNOFFICIAL} Mosh, session (range 60000-61000)`,
      '',
    ]);
  });

  it('keeps to the protocols and the ports asked for, as registry lines do', () => {
    const names = (filter: Parameters<typeof commonUseRecords>[1]) =>
      commonUseRecords(uses, filter).map((record) => record.serviceName);
    expect(names({ protocols: ['tcp'] })).toEqual(['kubernetes']);
    expect(names({ within: { low: 60500, high: 70000 } })).toEqual(['mosh']);
    expect(names({ within: { low: 1, high: 1023 } })).toEqual([]);
  });
});
