import type { RangeClassDefinition } from '../model.ts';
import { ASSIGNED_NUMBERS_CLASSES } from './assigned-numbers-classes.ts';
import { NCP_SOCKET_CLASSES } from './ncp-socket-classes.ts';

const RFC1340 = {
  scheme: 'iana',
  definedBy: 'RFC 1340, Assigned Numbers (July 1992)',
  definedByUrl: 'https://www.rfc-editor.org/rfc/rfc1340',
  validFrom: '1992-07-01',
} as const;

/** The copy of IANA's port-numbers file of 2004-01-08, the oldest available (PROVENANCE.md, section 2). */
const PORT_NUMBERS_2004 = {
  scheme: 'iana',
  definedBy:
    'IANA, "PORT NUMBERS" (last updated 2004-01-08), published at http://www.iana.org/assignments/port-numbers',
  definedByUrl:
    'https://github.com/sethwklein/iana-etc/blob/639ed1fa1401eda8409d95177b5070105c24d7f8/port-numbers.dist',
  validFrom: '2004-01-08',
  validTo: '2011-08-01',
} as const;

const RFC6335 = {
  definedBy: 'RFC 6335 (BCP 165), section 6',
  definedByUrl: 'https://www.rfc-editor.org/rfc/rfc6335#section-6',
  validFrom: '2011-08-01',
  validTo: null,
  scheme: 'iana',
  note: null,
} as const;

/**
 * IANA's port classes through history, oldest first. Within the IANA scheme no two classes
 * overlap on any date, except where one document defined both (said in their `note`).
 */
export const IANA_RANGE_CLASSES: readonly RangeClassDefinition[] = [
  ...NCP_SOCKET_CLASSES,
  ...ASSIGNED_NUMBERS_CLASSES,
  {
    ...RFC1340,
    id: 'rfc1340-well-known',
    name: 'Well Known Ports',
    low: 0,
    high: 1023,
    validTo: '2011-08-01',
    quotation:
      'The assigned ports use a small portion of the possible port numbers. For many years the assigned ports were in the range 0-255. Recently, the range for assigned ports managed by the IANA has been expanded to the range 0-1023.',
    note: 'Repeated in RFC 1700 (1994) and, as "The Well Known Ports are those from 0 through 1023.", in IANA\'s port-numbers file (2004–2008); RFC 6335 renamed them System Ports.',
  },
  {
    ...RFC1340,
    id: 'rfc1340-registered',
    name: 'Registered Ports',
    low: 1024,
    high: 65535,
    validTo: '2004-01-08',
    quotation: 'The Registered Ports are in the range 1024-65535.',
    note: "Repeated in RFC 1700 (1994). IANA's port-numbers file ends them at 49151 by 2004-01-08, its oldest copy available here; no RFC states when the Dynamic range was split off, so this period may have ended earlier.",
  },
  {
    ...PORT_NUMBERS_2004,
    id: 'iana-2004-registered',
    name: 'Registered Ports',
    low: 1024,
    high: 49151,
    quotation: 'The Registered Ports are those from 1024 through 49151',
    note: 'In force no later than 2004-01-08 (the oldest copy available); the 2005, 2006 and 2008 copies say the same.',
  },
  {
    ...PORT_NUMBERS_2004,
    id: 'iana-2004-dynamic',
    name: 'Dynamic and/or Private Ports',
    low: 49152,
    high: 65535,
    quotation: 'The Dynamic and/or Private Ports are those from 49152 through 65535',
    note: 'In force no later than 2004-01-08 (the oldest copy available); no Assigned Numbers RFC mentions 49152.',
  },
  {
    ...RFC6335,
    id: 'rfc6335-system',
    name: 'System Ports',
    low: 0,
    high: 1023,
    quotation:
      'the System Ports, also known as the Well Known Ports, from 0-1023 (assigned by IANA)',
  },
  {
    ...RFC6335,
    id: 'rfc6335-user',
    name: 'User Ports',
    low: 1024,
    high: 49151,
    quotation:
      'the User Ports, also known as the Registered Ports, from 1024-49151 (assigned by IANA)',
  },
  {
    ...RFC6335,
    id: 'rfc6335-dynamic',
    name: 'Dynamic Ports',
    low: 49152,
    high: 65535,
    quotation:
      'the Dynamic Ports, also known as the Private or Ephemeral Ports, from 49152-65535 (never assigned)',
  },
];
