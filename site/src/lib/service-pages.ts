import type { Protocol, Status } from '@portbook/core';
import { type Assignment, type NameLink, serviceKey } from '@portbook/db';
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

export interface LinkedName {
  name: string;
  kind: NameLink['kind'];
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
export function buildServicePages(
  assignments: readonly Assignment[],
  nameLinks: readonly NameLink[],
): ServicePage[] {
  const byKey = new Map<string, Assignment[]>();
  for (const record of assignments) {
    if (record.serviceName === null) continue;
    const key = serviceKey(record.serviceName);
    const list = byKey.get(key);
    if (list) list.push(record);
    else byKey.set(key, [record]);
  }
  for (const link of nameLinks) {
    for (const name of [link.formerName, link.laterName]) {
      if (!byKey.has(serviceKey(name))) byKey.set(serviceKey(name), []);
    }
  }
  const pages = [...byKey].map(([key, records]) => servicePage(key, records, nameLinks));
  return pages.sort((a, b) => a.slug.localeCompare(b.slug));
}

function servicePage(
  key: string,
  records: Assignment[],
  nameLinks: readonly NameLink[],
): ServicePage {
  const newestFirst = [...records].sort(
    (a, b) =>
      (b.validTo ?? '9999').localeCompare(a.validTo ?? '9999') ||
      b.validFrom.localeCompare(a.validFrom),
  );
  const name = newestFirst[0]?.serviceName ?? linkedSpelling(key, nameLinks);
  const current = records
    .filter((r) => r.validTo === null)
    .map(serviceRecord)
    .sort(byPort);
  const past = newestFirst.filter((r) => r.validTo !== null).map(serviceRecord);
  const laterNames = nameLinks
    .filter((link) => serviceKey(link.formerName) === key)
    .map((link) => linkedName(link.laterName, link.kind));
  const formerNames = nameLinks
    .filter((link) => serviceKey(link.laterName) === key)
    .map((link) => linkedName(link.formerName, link.kind));
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

function serviceRecord(record: Assignment): ServiceRecord {
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

function linkedName(name: string, kind: NameLink['kind']): LinkedName {
  return { name, kind, path: servicePath(name) };
}

function linkedSpelling(key: string, nameLinks: readonly NameLink[]): string {
  for (const link of nameLinks) {
    if (serviceKey(link.formerName) === key) return link.formerName;
    if (serviceKey(link.laterName) === key) return link.laterName;
  }
  return key;
}

function portText(record: ServiceRecord): string {
  return record.low === record.high ? String(record.low) : `${record.low}-${record.high}`;
}

function byPort(a: ServiceRecord, b: ServiceRecord): number {
  return (a.low ?? -1) - (b.low ?? -1) || (a.protocol ?? '').localeCompare(b.protocol ?? '');
}
