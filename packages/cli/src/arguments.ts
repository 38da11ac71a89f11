import {
  assertPort,
  PortbookError,
  type PortRange,
  PROTOCOLS,
  type Protocol,
  parseDate,
} from '@portbook/core/reader';

const PORT = /^\d+$/;
const RANGE = /^(\d+)\s*(?:-|–|\.\.|:)\s*(\d+)$/;

/** `22` or `6000-6010` (also `6000..6010`, `6000:6010`); undefined for anything else. */
export function portOrRange(text: string): PortRange | undefined {
  const trimmed = text.trim();
  if (PORT.test(trimmed)) {
    const port = Number(trimmed);
    assertPort(port);
    return { low: port, high: port };
  }
  const range = RANGE.exec(trimmed);
  if (!range) return undefined;
  const [low, high] = [Number(range[1]), Number(range[2])];
  assertPort(low);
  assertPort(high);
  if (low > high) {
    throw new PortbookError('PORT_OUT_OF_RANGE', `${low}-${high} is an empty range: low > high`);
  }
  return { low, high };
}

/** A port or range argument that must be one (PORT_OUT_OF_RANGE otherwise). */
export function requirePortOrRange(text: string): PortRange {
  const range = portOrRange(text);
  if (!range) {
    throw new PortbookError(
      'PORT_OUT_OF_RANGE',
      `expected a port (0-65535) or a range LOW-HIGH, got ${JSON.stringify(text)}`,
    );
  }
  return range;
}

/** `--at`: a real calendar day, or undefined for the current registry. */
export function optionalDate(value: string | undefined): string | undefined {
  return value === undefined ? undefined : parseDate(value);
}

/** `--protocol tcp --protocol udp` or `--protocol tcp,udp`; UNKNOWN_PROTOCOL for others. */
export function protocolsOf(values: readonly string[] | undefined): Protocol[] | undefined {
  const listed = (values ?? []).flatMap((value) => value.split(',')).map((p) => p.trim());
  const protocols = listed.filter(Boolean).map((p) => p.toLowerCase());
  for (const protocol of protocols) {
    if (!PROTOCOLS.includes(protocol as Protocol)) {
      throw new PortbookError(
        'UNKNOWN_PROTOCOL',
        `unknown protocol ${JSON.stringify(protocol)}; use ${PROTOCOLS.join(', ')}`,
      );
    }
  }
  return protocols.length ? [...new Set(protocols as Protocol[])] : undefined;
}

/** `--min N`: a block length of at least 1, as the API's `minLength` (PORT_OUT_OF_RANGE). */
export function blockLength(value: string | undefined): number {
  if (value === undefined) return 1;
  const length = Number(value);
  if (!Number.isInteger(length) || length < 1 || length > 65536) {
    throw new PortbookError(
      'PORT_OUT_OF_RANGE',
      `a block needs a whole length of at least 1, not ${JSON.stringify(value)}`,
    );
  }
  return length;
}
