/** A turning point in how IANA published the port registry that defines no range. */
export interface RegistryEvent {
  id: string;
  date: string;
  title: string;
  definedBy: string;
  definedByUrl: string;
  quotation: string;
}

export const REGISTRY_EVENTS: readonly RegistryEvent[] = [
  {
    id: 'rfc349-socket-czar',
    date: '1972-05-30',
    title: 'A czar to hand out official socket numbers',
    definedBy: 'RFC 349, Proposed Standard Socket Numbers (30 May 1972)',
    definedByUrl: 'https://www.rfc-editor.org/rfc/rfc349',
    quotation:
      'I propose that there be a czar (me ?) who hands out official socket numbers for use by standard protocols.',
  },
  {
    id: 'rfc3232-online-database',
    date: '2002-01-01',
    title: 'RFC 1700 is replaced by an on-line database',
    definedBy:
      'RFC 3232, Assigned Numbers: RFC 1700 is Replaced by an On-line Database (January 2002)',
    definedByUrl: 'https://www.rfc-editor.org/rfc/rfc3232',
    quotation:
      'Since 1994, this sequence of RFCs have been replaced by an online database accessible through a web page (currently, www.iana.org). The purpose of the present RFC is to note this fact and to officially obsolete RFC 1700, whose status changes to Historic.',
  },
];
