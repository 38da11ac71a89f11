import type { RegistrySnapshot } from '@portbook/core';
import { softwarePath } from './slugs.ts';
import { type ConflictView, conflictView, type SoftwareUseView, useView } from './software-view.ts';

/** One program's page: its default ports, what each is for, how to change it, and the sources. */
export interface SoftwarePage {
  id: string;
  path: string;
  name: string;
  category: string;
  homepage: string;
  title: string;
  description: string;
  uses: SoftwareUseView[];
  conflicts: ConflictView[];
}

/** The `/software/` index: every program by category, with its ports. */
export interface SoftwareIndexPage {
  categories: { name: string; programs: { name: string; path: string; ports: string[] }[] }[];
  programCount: number;
}

export function buildSoftwarePages(
  snapshot: RegistrySnapshot,
  conflicts: readonly ConflictView[] = buildConflicts(snapshot),
): SoftwarePage[] {
  return [...snapshot.allSoftware]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((software) => {
      const uses = software.uses.map((use) => useView({ software, use }));
      const ports = [...new Set(uses.map((use) => use.ports))];
      return {
        id: software.id,
        path: softwarePath(software.id),
        name: software.name,
        category: software.category,
        homepage: software.homepage,
        title: `${software.name}: default ports ${ports.join(', ')}`,
        description: `The ports ${software.name} uses by default (${ports.join(', ')}), what each is for, the setting that changes it and the vendor's page that says so. Not IANA registrations.`,
        uses,
        conflicts: conflicts.filter((conflict) => conflict.use.softwareId === software.id),
      };
    });
}

export function buildSoftwareIndex(pages: readonly SoftwarePage[]): SoftwareIndexPage {
  const byCategory = new Map<string, SoftwareIndexPage['categories'][number]['programs']>();
  for (const page of [...pages].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    const programs = byCategory.get(page.category) ?? [];
    programs.push({
      name: page.name,
      path: page.path,
      ports: [...new Set(page.uses.map((use) => use.ports))],
    });
    byCategory.set(page.category, programs);
  }
  return {
    categories: [...byCategory]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, programs]) => ({ name, programs })),
    programCount: pages.length,
  };
}

/** Every default on a port IANA assigns to another service, by port then program. */
export function buildConflicts(snapshot: RegistrySnapshot): ConflictView[] {
  return snapshot.softwareConflicts.map(conflictView);
}
