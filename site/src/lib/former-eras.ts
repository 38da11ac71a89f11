import { type AssignmentRow, isCurrent } from '@portbook/core';
import type { FormerEra } from './sentences.ts';

type RecordVersion = Pick<
  AssignmentRow,
  'lineage' | 'serviceName' | 'description' | 'status' | 'validFrom' | 'validTo'
>;

/**
 * What held a port before today, oldest first: each record's unbroken assigned years as one era
 * (named by its service name, or its description in the early RFCs that gave none), overlapping
 * eras that shared a label or a name (one service on several protocols) joined, and the
 * Unassigned years between two eras when a record said so.
 */
export function formerEras(records: readonly RecordVersion[]): FormerEra[] {
  const today = new Set(
    records.filter((r) => isCurrent(r) && r.serviceName).map((r) => fold(r.serviceName)),
  );
  const eras = lineageEras(records).filter(
    (era) => !today.has(fold(era.label)) && !era.aliases.some((alias) => today.has(fold(alias))),
  );
  const joined: HeldEra[] = [];
  for (const era of eras.sort((a, b) => a.from.localeCompare(b.from))) {
    const same = joined.find(
      (known) => sameHolder(known, era) && era.from <= known.to && known.from <= era.to,
    );
    if (!same) {
      joined.push(era);
      continue;
    }
    if (era.to > same.to) same.to = era.to;
    for (const alias of era.aliases) if (!same.aliases.includes(alias)) same.aliases.push(alias);
    for (const name of era.names) same.names.add(name);
  }
  joined.sort((a, b) => a.from.localeCompare(b.from));
  return joined.flatMap(({ names: _, ...era }, index) => {
    const previous = joined[index - 1];
    if (!previous || previous.to >= era.from) return [era];
    const unassigned = records.some(
      (r) =>
        r.status === 'unassigned' &&
        r.validFrom <= previous.to &&
        (r.validTo === null || r.validTo >= era.from),
    );
    return unassigned
      ? [
          { label: 'Unassigned', aliases: [], unassigned: true, from: previous.to, to: era.from },
          era,
        ]
      : [era];
  });
}

/** Each lineage's runs of consecutive assigned versions that ended before today. */
function lineageEras(records: readonly RecordVersion[]): HeldEra[] {
  const byLineage = new Map<string, RecordVersion[]>();
  for (const record of records) {
    const list = byLineage.get(record.lineage);
    if (list) list.push(record);
    else byLineage.set(record.lineage, [record]);
  }
  const eras: HeldEra[] = [];
  for (const versions of byLineage.values()) {
    versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    let era: HeldEra | undefined;
    for (const version of versions) {
      const held = version.status === 'assigned' && (version.serviceName || version.description);
      if (held && era && era.to === version.validFrom) {
        era.to = version.validTo ?? '';
        if (version.serviceName && !era.aliases.includes(version.serviceName))
          era.aliases.push(version.serviceName);
        era.names.add(fold(labelOf(version)));
        continue;
      }
      if (era) eras.push(era);
      era = held
        ? {
            label: labelOf(version),
            aliases: version.serviceName ? [version.serviceName] : [],
            unassigned: false,
            from: version.validFrom,
            to: version.validTo ?? '',
            names: new Set([fold(labelOf(version))]),
          }
        : undefined;
    }
    if (era) eras.push(era);
  }
  // An era still running today (no end) is not former.
  return eras.filter((era) => era.to !== '');
}

/** An era with every label its versions had (1973's description, then 1977's, then a name). */
interface HeldEra extends FormerEra {
  names: Set<string>;
}

function labelOf(version: RecordVersion): string {
  return version.serviceName ?? version.description?.split('\n')[0] ?? '';
}

/** Two eras of one holder: a label or a name one of them had is the other's too. */
function sameHolder(a: HeldEra, b: HeldEra): boolean {
  return [...b.names].some((name) => a.names.has(name));
}

function fold(name: string | null): string {
  return (name ?? '').toLowerCase();
}
