import type { RangeClassDefinition } from '../model.ts';

const rfc = (number: number) => `https://www.rfc-editor.org/rfc/rfc${number}`;

const RFC739 = {
  scheme: 'iana',
  definedBy:
    'RFC 739, Assigned Numbers (November 1977): Assigned Socket Numbers, General Assignments',
  definedByUrl: rfc(739),
  validFrom: '1977-11-01',
  validTo: '1981-01-01',
  note: 'Repeated unchanged in RFCs 750, 755, 758, 762 and 770; sockets of the NCP-era AHHP, and TCP ports from RFC 758 on.',
} as const;

const RFC776 = {
  scheme: 'iana',
  definedBy: 'RFC 776, Assigned Numbers (January 1981): General Assignments',
  definedByUrl: rfc(776),
  validFrom: '1981-01-01',
  validTo: '1983-01-01',
  note: 'Repeated in RFC 790, which like RFC 770 also says only the low-order eight bits are assigned (the rule of rfc820-assigned-ports).',
} as const;

/** The Assigned Numbers RFCs' port classes, 1977–1992, oldest first. */
export const ASSIGNED_NUMBERS_CLASSES: readonly RangeClassDefinition[] = [
  {
    ...RFC739,
    id: 'rfc739-network-wide',
    name: 'Network Wide Standard Function',
    low: 0,
    high: 63,
    quotation: '0-63 0-77 Network Wide Standard Function',
  },
  {
    ...RFC739,
    id: 'rfc739-hosts-specific',
    name: 'Hosts Specific Functions',
    low: 64,
    high: 127,
    quotation: '64-127 100-177 Hosts Specific Functions',
  },
  {
    ...RFC739,
    id: 'rfc739-reserved',
    name: 'Reserved for Future Use',
    low: 128,
    high: 223,
    quotation: '128-223 200-337 Reserved for Future Use',
  },
  {
    ...RFC739,
    id: 'rfc739-experimental',
    name: 'Any Experimental Function',
    low: 224,
    high: 255,
    quotation: '224-255 340-377 Any Experimental Function',
  },
  {
    ...RFC776,
    id: 'rfc776-network-wide',
    name: 'Network Wide Standard Function',
    low: 0,
    high: 63,
    quotation: '0-63 0-77 Network Wide Standard Function',
  },
  {
    ...RFC776,
    id: 'rfc776-hosts-specific',
    name: 'Hosts Specific Functions',
    low: 64,
    high: 131,
    quotation: '64-131 100-203 Hosts Specific Functions',
  },
  {
    ...RFC776,
    id: 'rfc776-reserved',
    name: 'Reserved for Future Use',
    low: 132,
    high: 223,
    quotation: '132-223 204-337 Reserved for Future Use',
  },
  {
    ...RFC776,
    id: 'rfc776-experimental',
    name: 'Any Experimental Function',
    low: 224,
    high: 255,
    quotation: '224-255 340-377 Any Experimental Function',
  },
  {
    scheme: 'iana',
    id: 'rfc820-assigned-ports',
    name: 'Assigned ports (low-order eight bits)',
    low: 0,
    high: 255,
    validFrom: '1983-01-01',
    validTo: '1992-07-01',
    definedBy: 'RFC 820, Assigned Numbers (January 1983): Assigned Port Numbers',
    definedByUrl: rfc(820),
    quotation:
      'The assigned ports use a small portion of the possible port numbers. The assigned ports have all except the low order eight bits cleared to zero. The low order eight bits are specified here.',
    note: 'First said of sockets in RFC 770 (1980), beside the General Assignments; from RFC 820 on the only class, repeated unchanged through RFC 1060 (1990). RFC 820 is dated January 1983 in its header (August 1982 in the RFC index).',
  },
  {
    scheme: 'iana',
    id: 'rfc1060-unix-standard',
    name: '"Unix Standard" services (by convention)',
    low: 256,
    high: 1024,
    validFrom: '1990-03-01',
    validTo: '1992-07-01',
    definedBy: 'RFC 1060, Assigned Numbers (March 1990): Unix Ports',
    definedByUrl: rfc(1060),
    quotation:
      'By convention, ports in the range 256 to 1024 are used for "Unix Standard" services.',
    note: 'A convention the RFC reports, not a range IANA assigned from; it ends at 1024, which RFC 1340 made the first Registered Port.',
  },
];
