/** The fields of an assignment a services(5) line needs: plain rows, from the database or a snapshot. */
export interface ServicesFileRecord {
  serviceName: string | null;
  portLow: number | null;
  portHigh: number | null;
  protocol: string | null;
  description: string | null;
}

export interface ServicesFileOptions {
  /** One line per port of a range (x11 6000/tcp … 6063/tcp) instead of its first port only. */
  expandRanges: boolean;
  /** Comment lines at the top (without `#`). */
  header: string[];
}

const NAME_WIDTH = 23;
const PORT_WIDTH = 15;

/** One line of text: registry descriptions may hold newlines and runs of spaces. */
function oneLine(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function line(name: string, port: number, protocol: string, comment: string): string {
  const entry = `${name.padEnd(NAME_WIDTH)} ${`${port}/${protocol}`.padEnd(PORT_WIDTH)}`;
  return comment ? `${entry} # ${comment}` : entry.trimEnd();
}

/**
 * Records as an `/etc/services` file (services(5)): `name port/protocol # comment`, in port
 * order. Names with whitespace cannot be written in that format and are left out.
 */
export function formatServicesFile(
  records: readonly ServicesFileRecord[],
  options: ServicesFileOptions,
): string {
  // One comment line per entry whatever it holds: a line break would start an uncommented line.
  const lines = options.header.map((text) => (oneLine(text) ? `# ${oneLine(text)}` : '#'));
  const seen = new Set<string>();
  for (const record of records) {
    const { serviceName: name, portLow: low, portHigh: high, protocol } = record;
    if (!name || /\s/.test(name) || low === null || high === null || !protocol) continue;
    const description = oneLine(record.description);
    const last = options.expandRanges ? high : low;
    for (let port = low; port <= last; port++) {
      const key = `${name}|${port}|${protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const range = !options.expandRanges && high > low ? ` (range ${low}-${high})` : '';
      lines.push(line(name, port, protocol, `${description}${range}`));
    }
  }
  return `${lines.join('\n')}\n`;
}
