import { PORT_MAX } from '@portbook/core';
import { siteEnv } from '../env.ts';
import { recordLookup } from './change-text.ts';
import { buildHistoryPage, buildSourcePages, type SourcePage } from './history-pages.ts';
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

// Everything below is computed once per build, at module load, from the snapshot in memory.

/** The registry's date as the newest imported IANA document states it. */
export const registryUpdated: string | undefined = snapshot.registry.latest?.published;

const today = new Date().toISOString().slice(0, 10);
const portContext = createPortContext(snapshot, today);
const ianaClassesToday = snapshot.rangeClasses(today);
const servicePages = buildServicePages(snapshot);
const recordOf = recordLookup(snapshot);
const sourcePages = buildSourcePages(snapshot, recordOf);

/**
 * One entry per port 0–65535, for `getStaticPaths`. Pages get their number and build their
 * view when rendered: 65,536 views held at once made the build spend a fifth of its time in GC.
 */
export function portPagePaths(): { params: { port: string }; props: { port: number } }[] {
  const { low, high } = siteEnv().ports;
  return Array.from({ length: high - low + 1 }, (_, index) => {
    const port = low + index;
    return { params: { port: String(port) }, props: { port } };
  });
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
  const { low, high } = siteEnv().ports;
  const ports = Array.from({ length: high - low + 1 }, (_, index) => low + index).filter((port) =>
    isSearchablePort(summarizePort(port, snapshot.assignmentsAt(port), snapshot.portStatus(port))),
  );
  return [
    'ranges/index.html',
    'history/index.html',
    ...sourcePages.map((page) => `history/${page.slug}/index.html`),
    ...ports.map((port) => `ports/${port}/index.html`),
    ...servicePages
      .filter((page) => page.searchable)
      .map((page) => `services/${page.slug}/index.html`),
  ];
}

/** Exact service names for the search page, which puts them first. */
export const serviceSearchNames = searchNames(servicePages);

/** The newest changes for the Atom feed. */
export const feedChanges = latestChanges(snapshot, recordOf, 100);

/** Every page a search engine should know, for the sitemap. */
export const sitemapPaths: readonly string[] = [
  '/',
  '/ranges/',
  '/history/',
  ...sourcePages.map((page) => page.path),
  ...Array.from({ length: PORT_MAX + 1 }, (_, port) => portPath(port)),
  ...servicePages.map((page) => `/services/${page.slug}/`),
];
