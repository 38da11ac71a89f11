import { allServiceNames, type Db, listSources, registryVersion, type Source } from '@portbook/db';

/**
 * The loaded registry's version, re-read at most once per `ttlMs` (an import by another process
 * shows up within that time), and the small reference data that only changes with it: sources
 * and service names are read once per version, not once per request.
 */
export class RegistryState {
  readonly #db: Db;
  readonly #ttlMs: number;
  #version: Promise<string> | undefined;
  #readAt = 0;
  #last: string | undefined;
  #memo = new Map<string, { version: string; value: Promise<unknown> }>();
  readonly #listeners = new Set<(version: string) => void>();

  constructor(db: Db, ttlMs = 1000) {
    this.#db = db;
    this.#ttlMs = ttlMs;
  }

  version(): Promise<string> {
    const now = Date.now();
    if (!this.#version || now - this.#readAt > this.#ttlMs) {
      this.#readAt = now;
      const read = registryVersion(this.#db).then((version) => {
        if (this.#last !== undefined && version !== this.#last) {
          for (const listener of this.#listeners) listener(version);
        }
        this.#last = version;
        return version;
      });
      read.catch(() => {
        if (this.#version === read) this.#version = undefined;
      });
      this.#version = read;
    }
    return this.#version;
  }

  /** Forgets the cached version, e.g. right after an import in this process. */
  refresh(): Promise<string> {
    this.#version = undefined;
    return this.version();
  }

  onChange(listener: (version: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #perVersion<T>(name: string, load: () => Promise<T>): Promise<T> {
    const version = await this.version();
    const known = this.#memo.get(name);
    if (known?.version === version) return known.value as Promise<T>;
    const value = load();
    this.#memo.set(name, { version, value });
    value.catch(() => this.#memo.delete(name));
    return value;
  }

  /** Every imported document (a few dozen rows). */
  sources(): Promise<Source[]> {
    return this.#perVersion('sources', () => listSources(this.#db));
  }

  /** Every service name ever registered, for fuzzy search (about 7,500). */
  serviceNames(): Promise<string[]> {
    return this.#perVersion('serviceNames', () => allServiceNames(this.#db));
  }
}
