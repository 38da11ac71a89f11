import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { PortbookError } from '@portbook/core/reader';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite lets two processes open one data directory and then corrupts it, so the command holds
 * `<dataDir>.lock` (its pid) while it has the database open; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir.replace(/\/+$/, '')}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = holder(path);
      if (pid !== undefined && alive(pid)) {
        throw new PortbookError(
          'DATABASE_UNAVAILABLE',
          `the embedded database ${dataDir} is in use by process ${pid} (a running portbook start?); stop it, or set DATABASE_URL to use Postgres`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new PortbookError('DATABASE_UNAVAILABLE', `cannot lock the embedded database ${dataDir}`);
}
