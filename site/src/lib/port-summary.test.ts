import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures/snapshot.ts';
import { portDescription, portTitle, summarizePort } from './port-summary.ts';

const snapshot = await fixtureSnapshot();
const summaryOf = (port: number) =>
  summarizePort(port, snapshot.assignmentsAt(port), snapshot.portStatus(port));

describe('summarizePort', () => {
  it('groups the protocols of one service', () => {
    const summary = summaryOf(443);
    expect(summary.status).toBe('assigned');
    expect(summary.services).toEqual([
      expect.objectContaining({ name: 'https', protocols: ['tcp', 'udp', 'sctp'] }),
    ]);
  });

  it('reports a range holder at a port inside its range', () => {
    expect(summaryOf(6010).services).toEqual([
      expect.objectContaining({ name: 'x11', low: 6000, high: 6063 }),
    ]);
  });

  it('names no service for reserved and unassigned ports', () => {
    expect(summaryOf(0)).toMatchObject({ status: 'reserved', services: [] });
    expect(summaryOf(15)).toMatchObject({ status: 'unassigned', services: [] });
    expect(summaryOf(60000)).toMatchObject({ status: 'unassigned', services: [], protocols: [] });
  });
});

describe('titles and descriptions for search engines', () => {
  it('lists the protocols and the service', () => {
    expect(portTitle(summaryOf(443), 'System Ports')).toBe('Port 443 (TCP/UDP/SCTP) — https');
  });

  it('says what an unassigned port is and where it sits', () => {
    expect(portTitle(summaryOf(60000), 'Dynamic Ports')).toBe(
      'Port 60000 — unassigned, Dynamic Ports',
    );
    expect(portDescription(summaryOf(60000), 'Dynamic Ports')).toContain('in the Dynamic Ports');
  });

  it('describes an assigned port with its service description', () => {
    expect(portDescription(summaryOf(22), 'System Ports')).toBe(
      'Port 22 is assigned to ssh (tcp, udp, sctp): The Secure Shell (SSH) Protocol. It is in the System Ports. IANA record, history and /etc/services lines.',
    );
  });
});
