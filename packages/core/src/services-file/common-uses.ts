import type { PortRange, Protocol } from '../model.ts';
import type { CommonUse } from '../software/model.ts';
import type { ServicesFileRecord } from './format.ts';

/** The words that open the comment of every common-use line: it is not IANA's registration. */
export const UNOFFICIAL = 'unofficial (common use, not registered):';

/**
 * Software defaults as services(5) records, one per protocol, named by the program's slug, each
 * comment marked unofficial; kept to `protocols` and to uses overlapping `within`, as the
 * registry's records are.
 */
export function commonUseRecords(
  uses: readonly CommonUse[],
  filter: { protocols?: readonly Protocol[] | undefined; within?: PortRange | undefined },
): ServicesFileRecord[] {
  const { protocols, within } = filter;
  return uses.flatMap(({ software, use }) => {
    if (within && (use.low > within.high || use.high < within.low)) return [];
    return use.protocols
      .filter((protocol) => !protocols || protocols.includes(protocol))
      .map((protocol) => ({
        serviceName: software.id,
        portLow: use.low,
        portHigh: use.high,
        protocol,
        description: `${UNOFFICIAL} ${software.name}, ${use.purpose}`,
      }));
  });
}

/**
 * The registry's lines and the common uses in one file order: by port, then protocol, the
 * registry's line before a program's on the same port.
 */
export function withCommonUses(
  registry: readonly ServicesFileRecord[],
  common: readonly ServicesFileRecord[],
): ServicesFileRecord[] {
  const tagged = [
    ...registry.map((record, order) => ({ record, official: 0, order })),
    ...common.map((record, order) => ({ record, official: 1, order })),
  ];
  return tagged
    .sort(
      (a, b) =>
        (a.record.portLow ?? 0) - (b.record.portLow ?? 0) ||
        (a.record.protocol ?? '').localeCompare(b.record.protocol ?? '') ||
        a.official - b.official ||
        a.order - b.order,
    )
    .map(({ record }) => record);
}
