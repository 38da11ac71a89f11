import { describe, expect, it } from 'vitest';
import { namesSameService } from './conflicts.ts';
import type { SoftwareRow } from './model.ts';

const citation = { url: 'https://example.org/', title: 'Example' };
/** Whether IANA's record names what the program offers, on the program's own words. */
function same(
  program: [id: string, name: string],
  purpose: string,
  record: [serviceName: string, description: string],
) {
  const software: SoftwareRow = {
    id: program[0],
    name: program[1],
    category: 'networking',
    homepage: 'https://example.org/',
    uses: [],
  };
  const use = { low: 1, high: 1, protocols: ['tcp'] as const, purpose, setting: null, citation };
  return namesSameService(software, use, {
    serviceName: record[0],
    description: record[1],
  });
}

// Pairs from the software data set and the registry of 2026-08-17.
describe('namesSameService', () => {
  it('sees the service in the purpose, the program or the description', () => {
    expect(
      same(['openssh', 'OpenSSH'], 'sshd listening for SSH connections', [
        'ssh',
        'The Secure Shell (SSH) Protocol',
      ]),
    ).toBe(true);
    expect(
      same(['postgresql', 'PostgreSQL'], 'client connections', [
        'postgresql',
        'PostgreSQL Database',
      ]),
    ).toBe(true);
    expect(
      same(['memcached', 'Memcached'], 'cache protocol', ['memcache', 'Memory cache service']),
    ).toBe(true);
    expect(
      same(['samba', 'Samba'], 'NetBIOS name service (nmbd)', [
        'netbios-ns',
        'NETBIOS Name Service',
      ]),
    ).toBe(true);
    expect(
      same(['unbound', 'Unbound'], 'DNS-over-TLS on interfaces', [
        'domain-s',
        'DNS query-response protocol run over TLS',
      ]),
    ).toBe(true);
    expect(
      same(['gitea', 'Gitea'], 'web UI over HTTP', ['http-alt', 'HTTP Alternate (see port 80)']),
    ).toBe(true);
    expect(
      same(['dnscrypt-proxy', 'dnscrypt-proxy'], 'Local DNS listener', [
        'domain',
        'Domain Name Server',
      ]),
    ).toBe(true);
  });

  it('sees another service where only common words or transports are shared', () => {
    expect(
      same(['kubernetes', 'Kubernetes'], 'API server (kube-apiserver, HTTPS)', [
        'sun-sr-https',
        'Service Registry Default HTTPS Domain',
      ]),
    ).toBe(false);
    expect(
      same(['ejabberd', 'ejabberd'], 'HTTPS listener for the web admin', ['spss', 'Pearson HTTPS']),
    ).toBe(false);
    expect(
      same(['ceph', 'Ceph'], 'Monitor daemons (messenger v1)', [
        'radg',
        'GSS-API for the Oracle Remote Administration Daemon',
      ]),
    ).toBe(false);
    expect(
      same(['tensorboard', 'TensorBoard'], 'web UI for training logs', ['x11', 'X Window System']),
    ).toBe(false);
    expect(
      same(['ray', 'Ray'], 'head node GCS port that workers and drivers join', [
        'redis',
        'An advanced key-value cache and store',
      ]),
    ).toBe(false);
  });
});
