/** A fact about one socket that an RFC states in prose, before any list assigned it (1971–1972). */
export interface SocketStatement {
  id: string;
  socket: number;
  /** The date the RFC's header gives. */
  date: string;
  /** The fact in a few words, for a port's history. */
  summary: string;
  definedBy: string;
  definedByUrl: string;
  /** The RFC's words, verbatim but for line breaks. */
  quotation: string;
}

const RFC204 = {
  date: '1971-08-05',
  definedBy: 'RFC 204, Sockets in use (5 August 1971)',
  definedByUrl: 'https://www.rfc-editor.org/rfc/rfc204',
} as const;

/** What RFC 204 and RFC 322 say of sockets before RFC 349 allocated them (May 1972). */
export const SOCKET_STATEMENTS: readonly SocketStatement[] = [
  {
    ...RFC204,
    id: 'rfc204-socket-1-logger',
    socket: 1,
    summary: 'Loggers (telnet servers) listen on socket 1',
    quotation: 'For example Loggers (telnet servers) Listen on socket 1.',
  },
  {
    ...RFC204,
    id: 'rfc204-socket-5-mail-box',
    socket: 5,
    summary: 'Socket 5 suggested for a mail-box protocol (RFC 196)',
    quotation:
      'Recently Dick Watson suggested assigning socket 5 for use by a mail-box protocol (RFC196).',
  },
  {
    id: 'rfc322-socket-1-network-logger',
    socket: 1,
    date: '1972-03-26',
    summary: 'Socket 1 is the Network Logger at every host that permits login',
    definedBy: 'RFC 322, Well Known Socket Numbers (26 March 1972)',
    definedByUrl: 'https://www.rfc-editor.org/rfc/rfc322',
    quotation:
      'At all HOSTs which permit login for services, socket 1 is the Network Logger on which ICP may be performed.',
  },
];
