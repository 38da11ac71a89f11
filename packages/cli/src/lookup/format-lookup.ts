import { portRangeText, type Status } from '@portbook/core/reader';
import type { RecordView } from '../registry/record-view.ts';
import type { SoftwareConflictView, SoftwareDefault } from '../registry/software-defaults.ts';
import type { TextOptions } from '../terminal/output.ts';
import { type Column, formatTable } from '../terminal/table.ts';
import type {
  LookupResult,
  NameLookup,
  PortLookup,
  RangeClassView,
  RangeLookup,
} from './lookup-result.ts';

const STATUS_COLOUR: Record<Status, 'green' | 'yellow' | 'red' | 'dim'> = {
  assigned: 'green',
  reserved: 'yellow',
  deassigned: 'red',
  removed: 'red',
  unassigned: 'dim',
};

/** A lookup as compact text: a heading, the records, then the software defaults. */
export function formatLookup(result: LookupResult, options: TextOptions): string {
  const lines =
    result.kind === 'port'
      ? portLines(result, options)
      : result.kind === 'range'
        ? rangeLines(result, options)
        : nameLines(result, options);
  lines.push(...softwareLines(result.software, options));
  return `${lines.join('\n')}\n`;
}

function portLines(result: PortLookup, options: TextOptions): string[] {
  const { paint } = options;
  const lines = [
    [
      paint('bold', `port ${result.port}`),
      paint(STATUS_COLOUR[result.status], result.status),
      result.rangeClass ? classText(result.rangeClass) : 'no IANA class',
      asOf(result.at),
    ]
      .filter(Boolean)
      .join('  '),
    result.browserRefusedSince
      ? paint('red', `browsers refuse HTTP(S) to it (since ${result.browserRefusedSince})`)
      : 'browsers allow HTTP(S) to it',
    [
      `nearest free ${result.nearestFree ?? 'none'}`,
      `previous assigned ${result.previousAssigned ?? 'none'}`,
      `next assigned ${result.nextAssigned ?? 'none'}`,
    ].join(' · '),
  ];
  return [
    ...lines,
    '',
    ...recordLines(result.records, options, 'no record holds this port'),
    ...conflictLines(result.conflicts, options),
  ];
}

/** "Kubernetes defaults to 6443/tcp, which IANA assigns to sun-sr-https": one line a program. */
function conflictLines(conflicts: readonly SoftwareConflictView[], options: TextOptions) {
  if (conflicts.length === 0) return [];
  return [
    '',
    ...conflicts.map(({ port, software, records }) =>
      options.paint(
        'red',
        `conflict: ${software.name} defaults to ${port}/${software.protocols.join(',')}, ` +
          `which IANA assigns to ${records.map((r) => `${r.serviceName}/${r.protocol}`).join(', ')}`,
      ),
    ),
  ];
}

function rangeLines(result: RangeLookup, options: TextOptions): string[] {
  const { paint } = options;
  const size = result.high - result.low + 1;
  const lines = [
    [
      paint('bold', `ports ${result.low}-${result.high}`),
      `${result.freePorts} of ${size} free`,
      result.rangeClasses.map(classText).join(', ') || 'no IANA class',
      asOf(result.at),
    ]
      .filter(Boolean)
      .join('  '),
    result.browserRefused.length
      ? paint('red', `browsers refuse HTTP(S) to ${result.browserRefused.join(', ')}`)
      : 'browsers allow HTTP(S) to every port of it',
  ];
  return [...lines, '', ...recordLines(result.records, options, 'no record in this range')];
}

function nameLines(result: NameLookup, options: TextOptions): string[] {
  const { paint } = options;
  const lines: string[] = [];
  for (const service of result.services) {
    const names = [
      service.formerNames.length ? `formerly ${service.formerNames.join(', ')}` : '',
      service.laterNames.length ? `later ${service.laterNames.join(', ')}` : '',
    ].filter(Boolean);
    lines.push(
      [paint('bold', service.name), ...names, asOf(result.at)].filter(Boolean).join('  '),
      ...recordLines(
        service.records,
        options,
        `no record ${result.at ? `on ${result.at}` : 'today'} (see \`portbook history ${service.name}\`)`,
      ),
      '',
    );
  }
  if (result.services.length === 0)
    lines.push(`no service matches ${JSON.stringify(result.query)}`, '');
  if (result.related.length) lines.push(`see also: ${result.related.join(', ')}`, '');
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

const RECORD_COLUMNS: Column<RecordView>[] = [
  { header: 'SERVICE', cell: (r) => r.serviceName ?? '—' },
  { header: 'PROTO', cell: (r) => r.protocol ?? '—' },
  { header: 'PORT', cell: (r) => (r.low === null ? '—' : portRangeText(r.low, r.high)) },
  { header: 'STATUS', cell: (r) => r.status },
  { header: 'DESCRIPTION', cell: (r) => r.description ?? '', shrinks: true },
  { header: 'ASSIGNEE', cell: (r) => r.assignee ?? '' },
  { header: 'REGISTERED', cell: (r) => r.registered ?? '' },
];

function recordLines(records: readonly RecordView[], options: TextOptions, none: string) {
  if (records.length === 0) return [options.paint('dim', none)];
  return formatTable(records, RECORD_COLUMNS, options.paint, options.width);
}

const SOFTWARE_COLUMNS: Column<SoftwareDefault>[] = [
  { header: 'SOFTWARE', cell: (s) => s.name },
  { header: 'PROTO', cell: (s) => s.protocols.join(',') },
  { header: 'PORT', cell: (s) => portRangeText(s.low, s.high) },
  { header: 'PURPOSE', cell: (s) => s.purpose, shrinks: true },
  { header: 'SETTING', cell: (s) => s.setting ?? '' },
];

function softwareLines(software: readonly SoftwareDefault[], options: TextOptions): string[] {
  if (software.length === 0) return [];
  return [
    '',
    options.paint(
      'yellow',
      "software defaults (unofficial: vendors' documentation, not the IANA registry)",
    ),
    ...formatTable(software, SOFTWARE_COLUMNS, options.paint, options.width),
  ];
}

function classText(rangeClass: RangeClassView): string {
  return `${rangeClass.name} ${rangeClass.low}-${rangeClass.high} (${rangeClass.definedBy})`;
}

function asOf(at: string | null): string {
  return at ? `as of ${at}` : '';
}
