import { PORT_MAX, type Status } from '@portbook/core';

import { PORT_MAP_COLUMNS } from './port-map-grid.ts';

export interface PortMapInput {
  statusOf(port: number): Status;
  /** `system`, `user` or `dynamic`: today's class of a port. */
  classOf(port: number): string | undefined;
}

/** Fill colours, light then dark: site.css's palette (the free classes are its colour-mix results). */
const COLOURS = {
  system: ['#cec7e9', '#413b60'],
  user: ['#e4e8ec', '#262c36'],
  dynamic: ['#d4cfc2', '#45402f'],
  assigned: ['#0969da', '#388bfd'],
  reserved: ['#8a5c00', '#d29922'],
  gone: ['#cf222e', '#f85149'],
} as const;

type Layer = keyof typeof COLOURS;

const STATUS_LAYER: Partial<Record<Status, Layer>> = {
  assigned: 'assigned',
  reserved: 'reserved',
  deassigned: 'gone',
  removed: 'gone',
};

/**
 * The 65,536 ports as one SVG drawing (a few tens of kB, where 65,536 links made 2.2 MB):
 * each layer is one path of horizontal runs, one unit per port, 256 ports to a row.
 */
export function portMapSvg(input: PortMapInput): string {
  const runs = new Map<Layer, string[]>();
  const add = (layer: Layer, first: number, last: number) => {
    const row = Math.floor(first / PORT_MAP_COLUMNS);
    const column = first % PORT_MAP_COLUMNS;
    const list = runs.get(layer) ?? [];
    list.push(`M${column} ${row}h${last - first + 1}v1h-${last - first + 1}z`);
    runs.set(layer, list);
  };
  for (const pick of [
    (port: number) => classLayer(input.classOf(port)),
    (port: number) => STATUS_LAYER[input.statusOf(port)],
  ]) {
    let start = 0;
    let current = pick(0);
    for (let port = 1; port <= PORT_MAX + 1; port++) {
      const layer = port <= PORT_MAX ? pick(port) : undefined;
      // A run ends where the layer changes or a row of the grid ends.
      if (layer !== current || port % PORT_MAP_COLUMNS === 0) {
        if (current) add(current, start, port - 1);
        start = port;
        current = layer;
      }
    }
  }
  const style = (index: 0 | 1) =>
    Object.entries(COLOURS)
      .map(([layer, colours]) => `.${layer}{fill:${colours[index]}}`)
      .join('');
  const paths = [...runs].map(([layer, list]) => `<path class="${layer}" d="${list.join('')}"/>`);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256" shape-rendering="crispEdges">',
    `<style>${style(0)}@media (prefers-color-scheme: dark){${style(1)}}</style>`,
    ...paths,
    '</svg>',
    '',
  ].join('\n');
}

function classLayer(tone: string | undefined): Layer | undefined {
  return tone === 'system' || tone === 'user' || tone === 'dynamic' ? tone : undefined;
}
