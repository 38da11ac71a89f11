import type { AssignmentRow, Protocol, Status } from '@portbook/core';

/** One service at a port today and the protocols it holds there. */
export interface PortService {
  name: string;
  protocols: Protocol[];
  description: string | null;
  /** The port range when the service holds a range, e.g. x11 6000-6063. */
  low: number;
  high: number;
}

/** The answer at a glance: what a port is today. */
export interface PortSummary {
  port: number;
  status: Status;
  services: PortService[];
  /** Protocols with a named assignment, in registry order (tcp, udp, sctp, dccp). */
  protocols: Protocol[];
}

const PROTOCOL_ORDER: Record<Protocol, number> = { tcp: 0, udp: 1, sctp: 2, dccp: 3 };

/** `currentRecords` and `status` as the snapshot gives them for the port. */
export function summarizePort(
  port: number,
  currentRecords: readonly AssignmentRow[],
  status: Status,
): PortSummary {
  const services = new Map<string, PortService>();
  for (const record of currentRecords) {
    if (record.serviceName === null || record.status !== 'assigned') continue;
    const key = `${record.serviceName}\u0000${record.portLow}-${record.portHigh}`;
    const service = services.get(key) ?? {
      name: record.serviceName,
      protocols: [],
      description: record.description,
      low: record.portLow ?? port,
      high: record.portHigh ?? port,
    };
    if (record.protocol && !service.protocols.includes(record.protocol)) {
      service.protocols.push(record.protocol);
    }
    services.set(key, service);
  }
  const list = [...services.values()];
  for (const service of list) service.protocols.sort(byProtocol);
  const protocols = [...new Set(list.flatMap((service) => service.protocols))].sort(byProtocol);
  return { port, status, services: list, protocols };
}

function byProtocol(a: Protocol, b: Protocol): number {
  return PROTOCOL_ORDER[a] - PROTOCOL_ORDER[b];
}

/** "Port 443 (TCP/UDP/SCTP) — https": the title search engines show. */
export function portTitle(summary: PortSummary, className: string | undefined): string {
  const { port, services, protocols, status } = summary;
  if (services.length === 0) {
    const what = status === 'unassigned' ? 'unassigned' : status;
    return `Port ${port} — ${what}${className ? `, ${className}` : ''}`;
  }
  const names = services.map((service) => service.name);
  const shown =
    names.length > 3
      ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
      : names.join(', ');
  const transport =
    protocols.length > 0 ? ` (${protocols.map((p) => p.toUpperCase()).join('/')})` : '';
  return `Port ${port}${transport} — ${shown}`;
}

/** One sentence for the meta description, under ~160 characters when the text allows. */
export function portDescription(summary: PortSummary, className: string | undefined): string {
  const { port, services, status } = summary;
  const inClass = className ? ` It is in the ${className}.` : '';
  if (services.length === 0) {
    return `Port ${port} is ${status} in the IANA registry.${inClass} Its history, nearest assigned ports and free block.`;
  }
  const [first] = services;
  const lead = first
    ? `${first.name} (${first.protocols.join(', ') || 'no protocol'})${first.description ? `: ${oneLine(first.description)}` : ''}`
    : '';
  const more = services.length > 1 ? ` and ${services.length - 1} more` : '';
  return truncate(
    `Port ${port} is assigned to ${lead}${more}.${inClass} IANA record, history and /etc/services lines.`,
    200,
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
