import { fileURLToPath } from 'node:url';

/** The repository root, for defaults that live inside the checkout. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The committed migrations (`drizzle/`). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** The database settings portbook reads from the environment, in one place. */
export function databaseEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.PORTBOOK_DATA_DIR || `${REPO_ROOT}.data/pglite`,
  };
}
