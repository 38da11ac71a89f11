import { PORT_MAX } from '@portbook/core';
import { sitePorts } from '../env.ts';
import { recordLookup } from './change-text.ts';
import {
  buildHistoryPage,
  buildSourcePages,
  type ChangePart,
  changePartPages,
  type SourcePage,
} from './history-pages.ts';
import { headlineNumbers, latestChanges } from './home.ts';
import { createPortContext } from './port-context.ts';
import { portMapSvg } from './port-map.ts';
import { buildPortPage, isSearchablePort, type PortPage } from './port-page.ts';
import { summarizePort } from './port-summary.ts';
import { rangeTone } from './range-labels.ts';
import { buildRangesPage, freeBlocksByClass } from './ranges-page.ts';
import { searchNames } from './search-names.ts';
import { buildServicePages, type ServicePage } from './service-pages.ts';
import { portPath } from './slugs.ts';
import { snapshot } from './snapshot.ts';
import {
  buildConflicts,
  buildSoftwareIndex,
  buildSoftwarePages,
  type SoftwarePage,
} from './software-pages.ts';

// Everything below is computed once per build, at module load, from the snapshot in memory.

/** The registry's date as the newest imported IANA document states it. */
export const registryUpdated: string | undefined = snapshot.registry.latest?.published;

const today = new Date().toISOString().slice(0, 10);
const portContext = createPortContext(snapshot, today);
const ianaClassesToday = snapshot.rangeClasses(today);
const servicePages = buildServicePages(snapshot);
const recordOf = recordLookup(snapshot);
/** Every document of the timeline with its changes, oldest first (pages, the index, the feed). */
export const sourcePages = buildSourcePages(snapshot, recordOf);
const conflicts = buildConflicts(snapshot);
const softwarePages = buildSoftwarePages(snapshot, conflicts);

/**
 * One entry per port 0–65535, for `getStaticPaths`. Pages get their number and build their
 * view when rendered: 65,536 views held at once made the build spend a fifth of its time in GC.
 */
export function portPagePaths(): { params: { port: string }; props: { port: number } }[] {
  return sitePorts().map((port) => ({ params: { port: String(port) }, props: { port } }));
}

/** The view of one port page. */
export function portPage(port: number): PortPage {
  return buildPortPage(port, portContext);
}

/** One entry per service name ever written, for `getStaticPaths`. */
export function servicePagePaths(): { params: { name: string }; props: { page: ServicePage } }[] {
  return servicePages.map((page) => ({ params: { name: page.slug }, props: { page } }));
}

/** One entry per document of the timeline, for `getStaticPaths`. */
export function sourcePagePaths(): { params: { source: string }; props: { page: SourcePage } }[] {
  return sourcePages.map((page) => ({ params: { source: page.slug }, props: { page } }));
}

/** One entry per page of a document's kind of change too long for the document's page. */
export function changePartPaths(): {
  params: ChangePart['params'];
  props: { page: SourcePage; part: ChangePart };
}[] {
  return changePartPages(sourcePages).map(({ page, part }) => ({
    params: part.params,
    props: { page, part },
  }));
}

/** One entry per program of the software data set, for `getStaticPaths`. */
export function softwarePagePaths(): { params: { id: string }; props: { page: SoftwarePage } }[] {
  return softwarePages.map((page) => ({ params: { id: page.id }, props: { page } }));
}

export const softwareIndex = buildSoftwareIndex(softwarePages);

export const softwareConflicts = conflicts;

/** The home page: headline figures, the newest changes, today's classes and the drawing of all 65,536 ports. */
export const home = {
  numbers: headlineNumbers(snapshot, freeBlocksByClass(snapshot, today)),
  changes: latestChanges(snapshot, recordOf, 8),
  mapDrawing: portMapSvg({
    statusOf: (port) => snapshot.portStatus(port),
    classOf: (port) => {
      const rangeClass = snapshot.rangeClassOf(port, today);
      return rangeClass && rangeTone(rangeClass.name);
    },
  }),
  classes: [...ianaClassesToday],
};

export const rangesPage = buildRangesPage(snapshot, today);

export const historyPage = buildHistoryPage(sourcePages, snapshot);

/** The built files Pagefind indexes (the pages Base marks searchable), so it reads no others. */
export function searchablePages(): string[] {
  const ports = sitePorts().filter((port) =>
    isSearchablePort(summarizePort(port, snapshot.assignmentsAt(port), snapshot.portStatus(port))),
  );
  return [
    'ranges/index.html',
    'history/index.html',
    'software/index.html',
    'conflicts/index.html',
    ...softwarePages.map((page) => `software/${page.id}/index.html`),
    ...sourcePages.map((page) => `history/${page.slug}/index.html`),
    ...ports.map((port) => `ports/${port}/index.html`),
    ...servicePages
      .filter((page) => page.searchable)
      .map((page) => `services/${page.slug}/index.html`),
  ];
}

/** Exact service names for the search page, which puts them first. */
export const serviceSearchNames = searchNames(servicePages);

/** Every page a search engine should know, for the sitemap. */
export const sitemapPaths: readonly string[] = [
  '/',
  '/ranges/',
  '/history/',
  '/software/',
  '/conflicts/',
  ...sourcePages.map((page) => page.path),
  ...changePartPages(sourcePages).map(({ part }) => part.path),
  ...softwarePages.map((page) => page.path),
  ...Array.from({ length: PORT_MAX + 1 }, (_, port) => portPath(port)),
  ...servicePages.map((page) => `/services/${page.slug}/`),
];
