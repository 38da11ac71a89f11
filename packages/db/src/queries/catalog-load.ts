import type { Db } from '../database.ts';
import type { Assignment, Change, NameLink, PersonRow, RangeClass, Source } from '../schema.ts';
import { loadAllChanges, loadAllNameLinks, loadAllSources } from './catalog-history.ts';
import { loadAllAssignments, loadAllPeople } from './catalog-records.ts';
import { listRangeClasses } from './range-classes.ts';
import { type RegistryInfo, registryInfo } from './registry.ts';

/** Everything the static site shows, read once for the whole build. */
export interface SiteCatalog {
  registry: RegistryInfo;
  sources: Source[];
  assignments: Assignment[];
  changes: Change[];
  nameLinks: NameLink[];
  people: PersonRow[];
  rangeClasses: RangeClass[];
}

/** A handful of statements, whatever the number of pages built from the result. */
export async function loadSiteCatalog(db: Db): Promise<SiteCatalog> {
  const [registry, sources, assignments, changes, nameLinks, people, rangeClasses] =
    await Promise.all([
      registryInfo(db),
      loadAllSources(db),
      loadAllAssignments(db),
      loadAllChanges(db),
      loadAllNameLinks(db),
      loadAllPeople(db),
      listRangeClasses(db),
    ]);
  return { registry, sources, assignments, changes, nameLinks, people, rangeClasses };
}
