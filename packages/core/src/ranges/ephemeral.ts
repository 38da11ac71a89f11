import type { RangeClassDefinition } from '../model.ts';

/** The day the source-code citations below were read; their releases of origin are not cited. */
const CHECKED = '2026-11-26';

const KB929851 = {
  scheme: 'ephemeral',
  definedBy:
    'Microsoft KB 929851: The default dynamic port range for TCP/IP has changed in Windows Vista and in Windows Server 2008',
  definedByUrl: 'https://support.microsoft.com/kb/929851',
} as const;

/**
 * Operating systems' default ephemeral (dynamic, client-side) port ranges, each with the vendor's
 * own words. Ranges of different systems overlap by nature; one system's do not.
 */
export const EPHEMERAL_RANGES: readonly RangeClassDefinition[] = [
  {
    ...KB929851,
    id: 'windows-xp',
    name: 'Windows XP and Windows Server 2003',
    low: 1025,
    high: 5000,
    validFrom: '2001-10-25',
    validTo: '2007-01-30',
    quotation:
      'This is a change from the configuration of earlier versions of Microsoft Windows that used a default port range of 1025 through 5000.',
    note: 'The KB says "earlier versions"; dated here from the release of Windows XP to that of Windows Vista.',
  },
  {
    ...KB929851,
    id: 'windows-vista',
    name: 'Windows Vista, Windows Server 2008 and later',
    low: 49152,
    high: 65535,
    validFrom: '2007-01-30',
    validTo: null,
    quotation:
      'To comply with Internet Assigned Numbers Authority (IANA) recommendations, Microsoft has increased the dynamic client port range for outgoing connections in Windows Vista and in Windows Server 2008. The new default start port is 49152, and the default end port is 65535.',
    note: 'Set per transport and IP version with `netsh int ipv4 set dynamicport tcp start=… num=…`.',
  },
  {
    scheme: 'ephemeral',
    id: 'linux',
    name: 'Linux (net.ipv4.ip_local_port_range)',
    low: 32768,
    high: 60999,
    validFrom: '2015-08-30',
    validTo: null,
    definedBy: 'Linux kernel documentation, IP Sysctl: ip_local_port_range',
    definedByUrl: 'https://docs.kernel.org/networking/ip-sysctl.html',
    quotation: 'The default values are 32768 and 60999 respectively.',
    note: 'Since Linux 4.2 (kernel commit 07f4c90062f8, "tcp/dccp: try to not exhaust ip_local_port_range in connect()"); 32768–61000 before.',
  },
  {
    scheme: 'ephemeral',
    id: 'freebsd',
    name: 'FreeBSD (net.inet.ip.portrange.first/last)',
    low: 10000,
    high: 65535,
    validFrom: CHECKED,
    validTo: null,
    definedBy: 'FreeBSD source, sys/netinet/in.h',
    definedByUrl: 'https://cgit.freebsd.org/src/tree/sys/netinet/in.h',
    quotation:
      'Default local port range, used by IP_PORTRANGE_DEFAULT */ #define IPPORT_EPHEMERALFIRST 10000 #define IPPORT_EPHEMERALLAST 65535',
    note: 'Read in the current source; 49152–65535 (IP_PORTRANGE_HIGH) is a separate range, and was the default in 2007 (freebsd-net, February 2007). The release that changed it is not cited here.',
  },
  {
    scheme: 'ephemeral',
    id: 'macos',
    name: 'macOS (net.inet.ip.portrange.first/last)',
    low: 49152,
    high: 65535,
    validFrom: CHECKED,
    validTo: null,
    definedBy: "Apple's XNU kernel source, bsd/netinet/in_pcb.c",
    definedByUrl: 'https://github.com/apple-oss-distributions/xnu/blob/main/bsd/netinet/in_pcb.c',
    quotation:
      'int ipport_firstauto = IPPORT_HIFIRSTAUTO; /* 49152 */ int ipport_lastauto = IPPORT_HILASTAUTO; /* 65535 */',
    note: 'Read in the current source; Apple documents no release that introduced it.',
  },
];
