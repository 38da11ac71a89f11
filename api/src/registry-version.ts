import { allServiceNames, type Db, registryVersion } from '@portbook/db';

/**
 * The loaded registry's version, re-read at most once per `ttlMs`: an import by another process
 * (`portbook sync` against the same database) shows up within that time. Listeners hear changes.
 */
export class RegistryVersion {
  readonly #db: Db;
  readonly #ttlMs: number;
  #value: Promise<string> | undefined;
  #readAt = 0;
  #last: string | undefined;
  #names: { version: string; names: Promise<string[]> } | undefined;
  readonly #listeners = new Set<(version: string) => void>();

  constructor(db: Db, ttlMs = 1000) {
    this.#db = db;
    this.#ttlMs = ttlMs;
  }

  current(): Promise<string> {
    const now = Date.now();
    if (!this.#value || now - this.#readAt > this.#ttlMs) {
      this.#readAt = now;
      this.#value = registryVersion(this.#db).then((version) => {
        if (this.#last !== undefined && version !== this.#last) {
          for (const listener of this.#listeners) listener(version);
        }
        this.#last = version;
        return version;
      });
      this.#value.catch(() => {
        this.#value = undefined;
      });
    }
    return this.#value;
  }

  /** Forgets the cached version, e.g. right after an import in this process. */
  refresh(): Promise<string> {
    this.#value = undefined;
    return this.current();
  }

  onChange(listener: (version: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Every service name of this registry version, for fuzzy search (read once per version). */
  async serviceNames(): Promise<string[]> {
    const version = await this.current();
    if (this.#names?.version !== version) {
      this.#names = { version, names: allServiceNames(this.#db) };
    }
    return this.#names.names;
  }
}
