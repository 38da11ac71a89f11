import { buildRegistrySnapshot } from '@portbook/core';
import { record, snapshotRowsFrom } from '@portbook/core/testing';
import { describe, expect, it } from 'vitest';
import {
  browserBlockedSince,
  isBrowserBlocked,
  loadBrowserBlockedPorts,
} from './browser-blocked.ts';
import { softwareDefaults } from './defaults.ts';

// IANA's records on the ports below, as the registry of 2026-08-17 states them.
const records = [
  record({
    serviceName: 'ssh',
    port: 22,
    protocol: 'tcp',
    description: 'The Secure Shell (SSH) Protocol',
  }),
  record({
    serviceName: 'postgresql',
    port: 5432,
    protocol: 'tcp',
    description: 'PostgreSQL Database',
  }),
  record({
    serviceName: 'x11',
    port: [6000, 6063],
    protocol: 'tcp',
    description: 'X Window System',
  }),
  record({
    serviceName: 'sun-sr-https',
    port: 6443,
    protocol: 'tcp',
    description: 'Service Registry Default HTTPS Domain',
  }),
];
const rows = snapshotRowsFrom([
  { id: 1, edition: 'iana:2026-08-17', published: '2026-08-17', records },
]);
const snapshot = await buildRegistrySnapshot(rows, { software: softwareDefaults() });
const programsOn = (port: number) => snapshot.commonUses(port).map((u) => u.software.id);

describe('the data set in a registry snapshot', () => {
  it('gives each port the programs whose defaults hold it', () => {
    expect(programsOn(11434)).toContain('ollama');
    expect(programsOn(5173)).toContain('vite');
    expect(programsOn(60000)).toContain('mosh');
    // sshd's X11 forwarding display :10, inside IANA's x11 range 6000-6063.
    const display = snapshot.commonUses(6010).find((u) => u.software.id === 'openssh');
    expect(display?.use).toMatchObject({ low: 6010, high: 6010 });
    expect(snapshot.softwareByName('Kubernetes')?.id).toBe('kubernetes');
  });

  it('names Kubernetes on sun-sr-https, and no conflict where the program is the service', () => {
    expect(snapshot.conflictsAt(6443).map((c) => c.software.id)).toEqual(['kubernetes']);
    expect(snapshot.conflictsAt(6443)[0]?.assignments.map((a) => a.serviceName)).toEqual([
      'sun-sr-https',
    ]);
    for (const port of [22, 5432, 6010])
      expect(
        snapshot.conflictsAt(port).map((c) => c.software.id),
        `${port}`,
      ).toEqual([]);
  });

  it('answers browser refusals as this package does, on every listed port and date', () => {
    for (const { port } of loadBrowserBlockedPorts().ports) {
      expect(snapshot.browserBlockedSince(port)).toBe(browserBlockedSince(port));
      for (const at of ['2001-08-14', '2016-03-10', '2021-01-01', '2024-04-02', '2026-12-01'])
        expect(snapshot.isBrowserBlocked(port, at), `${port} on ${at}`).toBe(
          isBrowserBlocked(port, at),
        );
    }
  });
});
