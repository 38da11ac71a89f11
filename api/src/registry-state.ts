import {
  buildRegistrySnapshot,
  type RegistrySnapshot,
  type SnapshotRows,
  type SoftwareDefaults,
} from '@portbook/core';
import { type Database, loadSnapshot, REGISTRY_CHANNEL, registryVersion } from '@portbook/db';

export interface RegistryStateOptions {
  /** How often the registry version is polled, in ms: the fallback when no NOTIFY arrives. */
  pollMs?: number | undefined;
  /** Called when building a new snapshot fails (the old one keeps answering). */
  onError?: ((error: unknown) => void) | undefined;
  /** The software data set every snapshot carries (commonUses, conflicts, browser-blocked ports). */
  software?: SoftwareDefaults | undefined;
  /**
   * Rows already read for the first snapshot (`portbook start` hands over the ones its snapshot
   * cache holds): used only while the database still holds their version, else read afresh.
   */
  firstRows?: SnapshotRows | undefined;
}

/**
 * Holds the registry snapshot every request answers from. It learns of a new registry version
 * by LISTEN (an import NOTIFYs once it lands), by polling the version (PGlite, lost
 * notifications) and by `refresh()` (an in-process sync); it builds the new snapshot in the
 * background and swaps it in at once, so a request sees one whole snapshot, old or new.
 */
export class RegistryState {
  readonly #database: Database;
  readonly #pollMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #software: SoftwareDefaults | undefined;
  #firstRows: SnapshotRows | undefined;
  #current: RegistrySnapshot | undefined;
  #first: Promise<RegistrySnapshot> | undefined;
  #refreshing: Promise<RegistrySnapshot> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #listening: Promise<void> | undefined;
  #unlisten: (() => Promise<unknown>) | undefined;
  #stopped = false;
  readonly #listeners = new Set<(version: string) => void>();

  constructor(database: Database, options: RegistryStateOptions = {}) {
    this.#database = database;
    this.#pollMs = options.pollMs ?? 1000;
    this.#onError = options.onError ?? (() => {});
    this.#software = options.software;
    this.#firstRows = options.firstRows;
  }

  /** The snapshot to answer with: the current one, or the first one once it is built. */
  snapshot(): Promise<RegistrySnapshot> {
    if (this.#current) return Promise.resolve(this.#current);
    if (!this.#first) {
      const first = this.#loadFirst().then((snapshot) => {
        this.#current ??= snapshot;
        this.#watch();
        return this.#current;
      });
      first.catch(() => {
        if (this.#first === first) this.#first = undefined;
      });
      this.#first = first;
    }
    return this.#first;
  }

  /** The version of what requests answer from, registry and software data (ETags, cache keys). */
  async version(): Promise<string> {
    return (await this.snapshot()).answersVersion;
  }

  /**
   * Builds a new snapshot if the registry version moved, and swaps it in; resolves to the
   * snapshot current afterwards. Concurrent calls share one build; a call during a build
   * checks again after it.
   */
  refresh(): Promise<RegistrySnapshot> {
    if (!this.#current) return this.snapshot();
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    const run = this.#rebuildIfChanged().finally(() => {
      this.#refreshing = undefined;
      if (this.#again && !this.#stopped) {
        this.#again = false;
        void this.refresh().catch(this.#onError);
      }
    });
    this.#refreshing = run;
    return run;
  }

  async #rebuildIfChanged(): Promise<RegistrySnapshot> {
    const current = this.#current as RegistrySnapshot;
    if ((await registryVersion(this.#database.db)) === current.version) return current;
    const next = await this.#load();
    if (this.#stopped) return current;
    this.#current = next;
    for (const listener of this.#listeners) listener(next.version);
    return next;
  }

  /** The first snapshot: from the rows handed over when they are the database's, else as any. */
  async #loadFirst(): Promise<RegistrySnapshot> {
    const rows = this.#firstRows;
    this.#firstRows = undefined;
    if (rows && (await registryVersion(this.#database.db)) === rows.version) {
      return buildRegistrySnapshot(rows, { software: this.#software });
    }
    return this.#load();
  }

  #load(): Promise<RegistrySnapshot> {
    return loadSnapshot(this.#database, { software: this.#software });
  }

  onChange(listener: (version: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Polls, and on Postgres listens, once the first snapshot is there. */
  #watch(): void {
    if (this.#stopped || this.#timer) return;
    const check = () => void this.refresh().catch(this.#onError);
    if (this.#pollMs > 0) {
      this.#timer = setInterval(check, this.#pollMs);
      this.#timer.unref();
    }
    if (this.#database.kind === 'postgres') {
      this.#listening = this.#database.client.listen(REGISTRY_CHANNEL, check).then(
        (listening) => {
          this.#unlisten = listening.unlisten;
        },
        (error: unknown) => {
          if (!this.#stopped) this.#onError(error);
        },
      );
    }
  }

  /**
   * Stops polling and listening (the server is closing), once a LISTEN or a rebuild under way
   * has ended: the database is closed next, and a statement it cut short would reject with
   * nobody left to hear it.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#listening;
    await this.#unlisten?.().catch(() => {});
    await this.#refreshing?.catch(() => {});
  }
}
