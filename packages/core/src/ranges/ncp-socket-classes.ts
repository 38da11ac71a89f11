import type { RangeClassDefinition } from '../model.ts';

const rfc = (number: number) => `https://www.rfc-editor.org/rfc/rfc${number}`;

const RFC349 = {
  scheme: 'iana',
  definedBy: 'RFC 349, Proposed Standard Socket Numbers (30 May 1972): the initial allocation',
  definedByUrl: rfc(349),
  validFrom: '1972-05-30',
  validTo: '1973-04-13',
  note: 'NCP socket numbers (the 8-bit AEN), which RFC 739 continues as ports. Repeated unchanged as the General Assignments of RFC 433 (December 1972).',
} as const;

const RFC503 = {
  scheme: 'iana',
  definedBy: 'RFC 503, Socket Number List (13 April 1973): General Assignments',
  definedByUrl: rfc(503),
  validFrom: '1973-04-13',
  validTo: '1977-11-01',
  note: 'NCP socket numbers: "More sockets have been made available for experimental functions" (224-255 instead of 240-255). RFC 739 (1977) repeats this allocation.',
} as const;

/** The NCP socket classes, 1972–1977, before the Assigned Numbers RFCs: oldest first. */
export const NCP_SOCKET_CLASSES: readonly RangeClassDefinition[] = [
  {
    ...RFC349,
    id: 'rfc349-network-wide',
    name: 'Network wide standard functions',
    low: 0,
    high: 63,
    quotation: '0-63 Network wide standard functions',
  },
  {
    ...RFC349,
    id: 'rfc349-host-specific',
    name: 'Host specific functions',
    low: 64,
    high: 127,
    quotation: '64-127 Host specific functions',
  },
  {
    ...RFC349,
    id: 'rfc349-reserved',
    name: 'Reserved for future use',
    low: 128,
    high: 239,
    quotation: '128-239 Reserved for future use',
  },
  {
    ...RFC349,
    id: 'rfc349-experimental',
    name: 'Any experimental function',
    low: 240,
    high: 255,
    quotation: '240-255 Any experimental function',
  },
  {
    ...RFC503,
    id: 'rfc503-network-wide',
    name: 'Network Wide Standard Functions',
    low: 0,
    high: 63,
    quotation: '0 - 63 Network Wide Standard Functions',
  },
  {
    ...RFC503,
    id: 'rfc503-host-specific',
    name: 'Host Specific Functions',
    low: 64,
    high: 127,
    quotation: '64 - 127 Host Specific Functions',
  },
  {
    ...RFC503,
    id: 'rfc503-reserved',
    name: 'Reserved for Future Use',
    low: 128,
    high: 223,
    quotation: '128 - 223 Reserved for Future Use',
  },
  {
    ...RFC503,
    id: 'rfc503-experimental',
    name: 'Any Experimental Function',
    low: 224,
    high: 255,
    quotation: '224 - 255 Any Experimental Function',
  },
];
