import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import {
  type AssignmentRow,
  assignmentSpans,
  type ChangeRow,
  changeSpans,
  EPHEMERAL_RANGES,
  fnv1a32,
  IANA_RANGE_CLASSES,
  ianaOrder,
  isCurrent,
  Occupancy,
  type OccupancyState,
  oldestFirst,
  type PersonRecordRow,
  PORT_MAX,
  ServiceIndex,
  type SnapshotRows,
  serviceKey,
  yearOf,
} from '@portbook/core/reader';
import { databaseEnv, MIGRATIONS_FOLDER } from '@portbook/db/env';
import { joinedBlocks, type SplitRows, splitByBlock } from './port-blocks.ts';

/** Bumped when the file's layout or `SnapshotRows` changes shape without a migration. */
const CACHE_FORMAT = 8;

/** Ports per block of current records, and of changes: a port's question reads one block. */
const CURRENT_BLOCK = 1024;
const CHANGE_BLOCK = 256;

/** What a lookup always reads: the small tables, the version, the years changes occurred in. */
type Head = Pick<
  SnapshotRows,
  'version' | 'sources' | 'nameLinks' | 'rangeClasses' | 'lastSync'
> & {
  changeYears: [first: number, last: number];
};

type Split = `${number}` | 'spanning' | 'portless';

/**
 * The rows in parts, each read only when a question needs it. Today's records and the changes
 * are stored by blocks of ports (`port-blocks.ts`), today's port space as `Occupancy.state()`
 * gave it, the people in buckets by id: a question about a port reads a block of each, not
 * 14,000 records and 40,000 changes. The changes once more by the year they occurred in, for
 * questions about dates (`portbook diff`). The history's records (`past`) apart. The whole file
 * is 48 MB for the full archive (14 MB of it the changes by year); reading and decoding all of
 * it took most of a lookup's time.
 */
type Parts = {
  head: Head;
  occupancy: OccupancyState;
  /** Every distinct service name ever registered (`ServiceIndex.names`). */
  names: readonly string[];
  past: readonly AssignmentRow[];
} & { [Name in `current.${Split}`]: readonly AssignmentRow[] } & {
  [Name in `changes.${Split}`]: readonly ChangeRow[];
} & { [Name in `people.${number}`]: readonly PersonRecordRow[] } & {
  [Name in `services.${number}`]: readonly AssignmentRow[];
} & {
  [Name in `years.${number}`]: readonly ChangeRow[];
};

type PartName = keyof Parts & string;

/** People in buckets by a hash of their id: a record's assignee reads one bucket. */
const PEOPLE_BUCKETS = 16;
const peoplePart = (id: string) => `people.${fnv1a32(id) % PEOPLE_BUCKETS}` as const;

/** Every record again, in buckets by a hash of its service name: a name's records read one. */
const NAME_BUCKETS = 64;
const namePart = (key: string) => `services.${fnv1a32(key) % NAME_BUCKETS}` as const;

/** The names of a split's parts: its blocks, then the spanning and the portless rows. */
function splitParts<Kind extends 'current' | 'changes'>(kind: Kind, blockSize: number) {
  const blocks = Array.from(
    { length: (PORT_MAX + 1) / blockSize },
    (_, index) => `${kind}.${index}` as const,
  );
  return [...blocks, `${kind}.spanning`, `${kind}.portless`] as const;
}

const CURRENT_PARTS = splitParts('current', CURRENT_BLOCK);
const CHANGE_PARTS = splitParts('changes', CHANGE_BLOCK);
const PEOPLE_PARTS = Array.from(
  { length: PEOPLE_BUCKETS },
  (_, index) => `people.${index}` as const,
);
const NAME_PARTS = Array.from({ length: NAME_BUCKETS }, (_, index) => `services.${index}` as const);
/** The years from the first change's to the last's, each a part (empty for a year without). */
function changeYearsFrom([first, last]: Head['changeYears']): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** Every part, in the file's order: the years changes occurred in vary with the registry. */
function partNames(changeYears: Head['changeYears']): PartName[] {
  const years = changeYearsFrom(changeYears).map((year) => `years.${year}` as const);
  return [
    'head',
    'occupancy',
    ...CURRENT_PARTS,
    ...PEOPLE_PARTS,
    'names',
    ...NAME_PARTS,
    ...CHANGE_PARTS,
    ...years,
    'past',
  ];
}

/** The file starts with the header's length (4 bytes), then the header, then the parts. */
interface Header {
  key: string;
  /** Each part's byte offset and length in the file. */
  parts: Partial<Record<PartName, [offset: number, length: number]>>;
}

export interface CacheFile {
  key: string;
  rows: SnapshotRows;
}

/** Beside the cache of an embedded database: the state of its files when the cache was current. */
export interface DataDirStamp {
  key: string;
  files: string;
}

/**
 * The file caching the registry's rows for one database: beside the embedded database's data
 * directory, named by a hash of the database it caches (its URL, or its data directory).
 */
export function snapshotCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const { databaseUrl, dataDir } = databaseEnv(env);
  const name = fnv1a(databaseUrl ?? resolve(dataDir));
  return join(dirname(resolve(dataDir)), 'snapshot-cache', `${name}.v8`);
}

/**
 * 32-bit FNV-1a of `text`, in hex: a file name that keeps a database URL's password out of it
 * (two databases sharing a name would only take turns with the file; the key tells them apart).
 * node:crypto takes longer to load than a lookup has to spare.
 */
function fnv1a(text: string): string {
  return fnv1a32(text).toString(16).padStart(8, '0');
}

/** What the code expects of a cache: its format, the schema, the range classes seeded from code. */
export function codeKey(): string {
  const migrations = readdirSync(MIGRATIONS_FOLDER)
    .filter((name) => /^\d/.test(name))
    .sort();
  const seeded = JSON.stringify([IANA_RANGE_CLASSES, EPHEMERAL_RANGES]);
  return [CACHE_FORMAT, migrations.at(-1) ?? '', seeded].join('|');
}

/** Parts serialized between two pauses (the largest, the history's records, takes ~50 ms). */
const PARTS_PER_PAUSE = 8;

/**
 * Writes `rows` as the cache for `key`, part by part, records and changes in the orders the
 * snapshot sorts them in (sorting what is sorted takes one pass). About a second of work for the
 * full history: a server passes `pause`, so requests are answered between its steps.
 */
export async function writeCache(
  file: string,
  key: string,
  rows: SnapshotRows,
  pause: () => Promise<void> = async () => {},
): Promise<void> {
  const { version, sources, nameLinks, rangeClasses, lastSync } = rows;
  const current = rows.assignments.filter(isCurrent).sort(ianaOrder);
  await pause();
  const changes = [...rows.changes].sort(oldestFirst);
  await pause();
  const byYear = Map.groupBy(changes, (change) => yearOf(change.occurred));
  // No change yet: an empty first year keeps the range well formed.
  const years = byYear.size ? [...byYear.keys()] : [0];
  const changeYears: Head['changeYears'] = [Math.min(...years), Math.max(...years)];
  const people = new Map(PEOPLE_PARTS.map((name) => [name, [] as PersonRecordRow[]]));
  for (const person of rows.people) people.get(peoplePart(person.id))?.push(person);
  const named = new Map(NAME_PARTS.map((name) => [name, [] as AssignmentRow[]]));
  for (const row of rows.assignments) {
    if (row.serviceName !== null) named.get(namePart(serviceKey(row.serviceName)))?.push(row);
  }
  await pause();
  const occupancy = new Occupancy(current).state();
  await pause();
  const names = ServiceIndex.of(rows.assignments, nameLinks).names;
  await pause();
  // The split parts are spread in by name (checked by the reader's tests, not the compiler).
  const parts: Record<string, unknown> = {
    head: { version, sources, nameLinks, rangeClasses, lastSync, changeYears },
    occupancy,
    ...splitEntries('current', splitByBlock(current, CURRENT_BLOCK, assignmentSpans)),
    ...splitEntries('changes', splitByBlock(changes, CHANGE_BLOCK, changeSpans)),
    ...Object.fromEntries(people),
    names,
    ...Object.fromEntries(named),
    ...Object.fromEntries(
      changeYearsFrom(changeYears).map((year) => [`years.${year}`, byYear.get(year) ?? []]),
    ),
    past: rows.assignments.filter((row) => !isCurrent(row)).sort(ianaOrder),
  };
  await pause();
  const partNamesInOrder = partNames(changeYears);
  const bodies: Buffer[] = [];
  for (const name of partNamesInOrder) {
    bodies.push(serialize(parts[name]));
    if (bodies.length % PARTS_PER_PAUSE === 0) await pause();
  }
  const placed: Header['parts'] = {};
  let offset = 0;
  for (const [index, name] of partNamesInOrder.entries()) {
    const length = bodies[index]?.length ?? 0;
    placed[name] = [offset, length];
    offset += length;
  }
  // Offsets count from the end of the header, whose length they do not change.
  const header = Buffer.from(JSON.stringify({ key, parts: placed } satisfies Header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  await writeAtomicallyApart(file, [size, header, ...bodies]);
}

function splitEntries<Row>(kind: string, rows: SplitRows<Row>): Record<string, Row[]> {
  return {
    ...Object.fromEntries(rows.blocks.map((block, index) => [`${kind}.${index}`, block])),
    [`${kind}.spanning`]: rows.spanning,
    [`${kind}.portless`]: rows.portless,
  };
}

/** The file's descriptors close when the rows reading from them are collected. */
const openFiles = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * The cached rows, each part read from the file the first time it is asked for: the file stays
 * open until then, so a newer cache renamed over it meanwhile changes nothing for this reader.
 * Undefined when the file is missing, unreadable or of another format.
 */
export function readCache(file: string): CacheFile | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = readBytes(fd, 0, 4).readUInt32LE(0);
    const header = JSON.parse(readBytes(fd, 4, size).toString('utf8')) as Partial<Header>;
    if (typeof header.key !== 'string' || !header.parts) throw new Error('not a cache file');
    const end = Math.max(
      ...Object.values(header.parts).map((placed) => (placed ? placed[0] + placed[1] : 0)),
    );
    if (fstatSync(fd).size !== 4 + size + end) throw new Error('cache file cut short');
    const rows = lazyRows(fd, 4 + size, header.parts);
    openFiles.register(rows, fd);
    return { key: header.key, rows };
  } catch {
    // Missing, unreadable or written by another Node: read the database instead.
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

function readBytes(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  if (readSync(fd, bytes, 0, length, position) !== length) throw new Error('cache file cut short');
  return bytes;
}

function lazyRows(fd: number, start: number, placed: Header['parts']): SnapshotRows {
  const parts = new Map<PartName, unknown>();
  // Each part decoded once: every question gets the same row objects.
  const read = <Name extends PartName>(name: Name): Parts[Name] => {
    if (!parts.has(name)) {
      const place = placed[name];
      if (!place) throw new Error(`the cache file has no part ${name}`);
      const [offset, length] = place;
      parts.set(name, deserialize(readBytes(fd, start + offset, length)));
    }
    return parts.get(name) as Parts[Name];
  };
  const currentBlocks = joinedBlocks(
    CURRENT_BLOCK,
    { block: (index) => read(`current.${index}`), spanning: () => read('current.spanning') },
    assignmentSpans,
    ianaOrder,
  );
  const changeBlocks = joinedBlocks(
    CHANGE_BLOCK,
    { block: (index) => read(`changes.${index}`), spanning: () => read('changes.spanning') },
    changeSpans,
    oldestFirst,
  );
  let current: readonly AssignmentRow[] | undefined;
  let assignments: readonly AssignmentRow[] | undefined;
  let changes: readonly ChangeRow[] | undefined;
  let people: readonly PersonRecordRow[] | undefined;
  const currentRows = () => {
    current ??= CURRENT_PARTS.flatMap((name) => read(name)).sort(ianaOrder);
    return current;
  };
  const {
    changeYears: [first, last],
    ...head
  } = read('head');
  return {
    ...head,
    get currentAssignments() {
      return currentRows();
    },
    currentBlocks: { ...currentBlocks, occupancy: () => read('occupancy') },
    // The same objects as `currentAssignments`, the past ones after them.
    get assignments() {
      assignments ??= [...currentRows(), ...read('past')];
      return assignments;
    },
    get changes() {
      changes ??= CHANGE_PARTS.flatMap((name) => read(name)).sort(oldestFirst);
      return changes;
    },
    changeBlocks,
    changeYears: {
      first,
      last,
      year: (year) => (year < first || year > last ? [] : read(`years.${year}`)),
    },
    get people() {
      people ??= PEOPLE_PARTS.flatMap((name) => read(name));
      return people;
    },
    person: (id) => read(peoplePart(id)).find((person) => person.id === id),
    nameBuckets: { names: () => read('names'), bucket: (key) => read(namePart(key)) },
  };
}

/**
 * An embedded database only changes when a portbook process writes its files, and opening it
 * costs more than the rest of a lookup: when its files are exactly as they were after the
 * cache was last found current, the cached rows are the registry's without opening it.
 */
export function cacheOfUntouchedDataDir(file: string, dataDir: string): CacheFile | undefined {
  const stamp = readStamp(file);
  if (!stamp?.key.startsWith(`${codeKey()}|`)) return undefined;
  if (stamp.files !== filesIfAny(dataDir)) return undefined;
  const cached = readCache(file);
  return cached?.key === stamp.key ? cached : undefined;
}

/** Records the data directory as it stands (after the database was closed) for the cache `key`. */
export function stampDataDir(file: string, dataDir: string, key: string): void {
  writeStamp(file, dataDirStamp(dataDir, key));
}

/** The data directory's files as they stand, for the cache `key`. */
export function dataDirStamp(dataDir: string, key: string): DataDirStamp {
  return { key, files: dataDirFiles(dataDir) };
}

export function writeStamp(file: string, stamp: DataDirStamp): void {
  writeAtomically(`${file}.stamp`, JSON.stringify(stamp));
}

/** `dataDirFiles`, or undefined when the directory is gone (removed to start afresh). */
function filesIfAny(dataDir: string): string | undefined {
  try {
    return dataDirFiles(dataDir);
  } catch {
    return undefined;
  }
}

/** Every file's path, size and modification time: any write PGlite makes changes one. */
function dataDirFiles(dataDir: string): string {
  const lines: string[] = [];
  for (const path of (readdirSync(dataDir, { recursive: true }) as string[]).sort()) {
    const stat = statSync(join(dataDir, path));
    if (stat.isFile()) lines.push(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return lines.join('');
}

function readStamp(file: string): DataDirStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(`${file}.stamp`, 'utf8')) as Partial<DataDirStamp>;
    return typeof stamp.key === 'string' && typeof stamp.files === 'string'
      ? (stamp as DataDirStamp)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `writeAtomically` for a large file, by the file system's threads, chunk by chunk: the full
 * history's 64 MB, joined and written at once, held the thread ~400 ms.
 */
async function writeAtomicallyApart(file: string, chunks: readonly Uint8Array[]): Promise<void> {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(partial, chunks);
    await rename(partial, file);
  } catch {
    // A read-only directory: the next command reads the database again.
  }
}

/** Written whole then renamed, so a reader never sees half a file; a failure only costs speed. */
export function writeAtomically(file: string, content: string | Uint8Array): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, content);
    renameSync(partial, file);
  } catch {
    // A read-only directory: the next command reads the database again.
  }
}
