import { fieldDetails, portRangeText } from '@portbook/core';
import type { Change } from '@portbook/db';
import { portPath, servicePath } from './slugs.ts';

/** A change as one line of text: what, where, and the fields that moved. */
export interface ChangeLine {
  id: string;
  occurred: string;
  kind: Change['kind'];
  /** `6000-6063/tcp`, `443`, or `no port`. */
  where: string;
  /** The port page to read it on, or the service page of a name-only record. */
  href: string | undefined;
  serviceName: string | null;
  /** `description: "Who is up or NETSTAT" → "Unassigned [was netstat]"` for modifications. */
  details: string[];
  evidence: string | null;
}

export function changeLine(change: Change): ChangeLine {
  const port = change.portLow === null ? '' : portRangeText(change.portLow, change.portHigh);
  const where = [port, change.protocol].filter(Boolean).join('/') || 'no port';
  return {
    id: change.id,
    occurred: change.occurred,
    kind: change.kind,
    where,
    href: changeHref(change),
    serviceName: change.serviceName,
    details: fieldDetails(change.fields),
    evidence: change.evidence,
  };
}

/** `added 22/tcp ssh`: a headline for lists and feed entries. */
export function changeHeadline(line: ChangeLine): string {
  return [line.kind, line.where, line.serviceName].filter(Boolean).join(' ');
}

function changeHref(change: Change): string | undefined {
  if (change.portLow !== null) return portPath(change.portLow);
  return change.serviceName ? servicePath(change.serviceName) : undefined;
}
