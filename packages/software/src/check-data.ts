// `pnpm --filter @portbook/software run check-data [--fix]`: validates every data file, keeps them sorted and free of duplicates.
import { writeFileSync } from 'node:fs';
import { isPortbookError } from '@portbook/core';
import { loadBrowserBlockedPorts } from './browser-blocked.ts';
import {
  findDuplicateIds,
  findDuplicateUses,
  findOrderProblems,
  sortSoftware,
} from './data-order.ts';
import { formatSoftwareFile } from './format.ts';
import { readSoftwareFiles, SOFTWARE_DATA_DIR } from './load.ts';

const fix = process.argv.includes('--fix');

try {
  loadBrowserBlockedPorts();
  const files = readSoftwareFiles();
  const problems = [...findDuplicateIds(files), ...files.flatMap(findDuplicateUses)];
  for (const file of files) {
    const order = findOrderProblems(file);
    if (order.length === 0) continue;
    if (fix) {
      writeFileSync(
        new URL(`${file.category}.json`, SOFTWARE_DATA_DIR),
        formatSoftwareFile(sortSoftware(file.entries)),
      );
      console.log(`sorted ${file.category}.json`);
    } else {
      problems.push(...order);
    }
  }
  if (problems.length > 0) {
    console.error(
      `${problems.join('\n')}\n${problems.length} problem(s)${fix ? '' : '; order problems are fixed by --fix'}`,
    );
    process.exitCode = 1;
  } else {
    const uses = files.reduce(
      (sum, file) => sum + file.entries.reduce((n, e) => n + e.uses.length, 0),
      0,
    );
    console.log(`software data: ${files.length} files, ${uses} uses, sorted, no duplicates`);
  }
} catch (error) {
  if (!isPortbookError(error)) throw error;
  console.error(`[${error.code}] ${error.message}`);
  process.exitCode = 1;
}
