import type { Db } from '../database.ts';
import type { Assignment, Change, NameLink, PersonRow, Source } from '../schema.ts';
import { loadAllChanges, loadAllNameLinks } from './catalog-history.ts';
import { loadAllAssignments, loadAllPeople } from './catalog-records.ts';
import { type RegistryInfo, registryInfo } from './registry.ts';
import { listSources } from './sources.ts';

/**
 * Everything the static site shows, read once for the whole build. Range classes are not here:
 * the site takes them from core, where the database's `range_classes` rows are seeded from.
 */
export interface SiteCatalog {
  registry: RegistryInfo;
  sources: Source[];
  assignments: Assignment[];
  changes: Change[];
  nameLinks: NameLink[];
  people: PersonRow[];
}

/** A handful of statements, whatever the number of pages built from the result. */
export async function loadSiteCatalog(db: Db): Promise<SiteCatalog> {
  const [registry, sources, assignments, changes, nameLinks, people] = await Promise.all([
    registryInfo(db),
    listSources(db),
    loadAllAssignments(db),
    loadAllChanges(db),
    loadAllNameLinks(db),
    loadAllPeople(db),
  ]);
  return { registry, sources, assignments, changes, nameLinks, people };
}
