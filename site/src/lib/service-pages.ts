import {
  type AssignmentRow,
  isCurrent,
  type Protocol,
  type RegistrySnapshot,
  type LinkedName as ServiceLink,
  type ServiceView,
  type Status,
} from '@portbook/core';
import { servicePath, serviceSlug } from './slugs.ts';

/** One record of a service, in today's registry or in an older document. */
export interface ServiceRecord {
  id: string;
  low: number | null;
  high: number | null;
  protocol: Protocol | null;
  description: string | null;
  status: Status;
  validFrom: string;
  validTo: string | null;
}

export interface LinkedName extends ServiceLink {
  path: string;
}

/** A service name with its ports and protocols today and before, and its former/later names. */
export interface ServicePage {
  slug: string;
  name: string;
  title: string;
  description: string;
  current: ServiceRecord[];
  past: ServiceRecord[];
  formerNames: LinkedName[];
  laterNames: LinkedName[];
  /** Indexed for search unless a single-port page already answers for the name. */
  searchable: boolean;
}

/** One page per service name ever written, case folded; names known only from a link get one too. */
export function buildServicePages(snapshot: RegistrySnapshot): ServicePage[] {
  return snapshot
    .services()
    .map(servicePage)
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

function servicePage(service: ServiceView): ServicePage {
  const { name } = service;
  const current = service.history.filter(isCurrent).map(serviceRecord).sort(byPort);
  const past = service.history.filter((r) => !isCurrent(r)).map(serviceRecord);
  const laterNames = service.laterNames.map(linkedName);
  const formerNames = service.formerNames.map(linkedName);
  return {
    slug: serviceSlug(name),
    name,
    title: serviceTitle(name, current, laterNames),
    description: serviceDescription(name, current, past, laterNames),
    current,
    past,
    formerNames,
    laterNames,
    searchable: !current.some((record) => record.low !== null && record.low === record.high),
  };
}

function serviceTitle(name: string, current: ServiceRecord[], laterNames: LinkedName[]): string {
  const ports = [...new Set(current.filter((r) => r.low !== null).map(portText))];
  if (ports.length > 0) {
    const shown = ports.length > 4 ? `${ports.slice(0, 4).join(', ')}…` : ports.join(', ');
    return `${name} — service name, port${ports.length > 1 ? 's' : ''} ${shown}`;
  }
  if (current.length > 0) return `${name} — service name without a port`;
  const later = laterNames[0];
  return later
    ? `${name} — former service name, now ${later.name}`
    : `${name} — former service name`;
}

function serviceDescription(
  name: string,
  current: ServiceRecord[],
  past: ServiceRecord[],
  laterNames: LinkedName[],
): string {
  const protocols = [...new Set(current.map((r) => r.protocol).filter(Boolean))].join(', ');
  const today =
    current.length > 0
      ? `The IANA service name ${name}${protocols ? ` (${protocols})` : ''}: ${current[0]?.description ?? 'no description'}.`
      : `${name} is no longer in the IANA registry${laterNames[0] ? `; it is now ${laterNames[0].name}` : ''}.`;
  return `${today} ${past.length > 0 ? 'Its history since the earliest document. ' : ''}Ports, protocols and former names.`;
}

function serviceRecord(record: AssignmentRow): ServiceRecord {
  return {
    id: record.id,
    low: record.portLow,
    high: record.portHigh,
    protocol: record.protocol,
    description: record.description,
    status: record.status,
    validFrom: record.validFrom,
    validTo: record.validTo,
  };
}

function linkedName(link: ServiceLink): LinkedName {
  return { ...link, path: servicePath(link.name) };
}

function portText(record: ServiceRecord): string {
  return record.low === record.high ? String(record.low) : `${record.low}-${record.high}`;
}

function byPort(a: ServiceRecord, b: ServiceRecord): number {
  return (a.low ?? -1) - (b.low ?? -1) || (a.protocol ?? '').localeCompare(b.protocol ?? '');
}
