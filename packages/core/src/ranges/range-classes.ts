import type { RangeClassDefinition } from '../model.ts';

const RFC6335 = {
  definedBy: 'RFC 6335 (BCP 165), section 6',
  definedByUrl: 'https://www.rfc-editor.org/rfc/rfc6335#section-6',
  validFrom: '2011-08-01',
  validTo: null,
  scheme: 'iana',
  note: null,
} as const;

/** IANA's port classes through history, oldest first. The history work extends this list. */
export const IANA_RANGE_CLASSES: readonly RangeClassDefinition[] = [
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
