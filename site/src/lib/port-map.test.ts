import { describe, expect, it } from 'vitest';
import { portMapSvg } from './port-map.ts';
import { portAt } from './port-map-grid.ts';

describe('portMapSvg', () => {
  const svg = portMapSvg({
    statusOf: (port) =>
      port === 22 || port === 23 || port === 65535
        ? 'assigned'
        : port === 0
          ? 'reserved'
          : 'unassigned',
    classOf: (port) => (port < 1024 ? 'system' : port < 49152 ? 'user' : 'dynamic'),
  });

  it('draws runs of ports, one unit per port, cut at the end of each row of 256', () => {
    expect(svg).toContain('<path class="assigned" d="M22 0h2v1h-2zM255 255h1v1h-1z"/>');
    expect(svg).toContain('<path class="reserved" d="M0 0h1v1h-1z"/>');
    // System Ports fill rows 0-3, User Ports rows 4-191, Dynamic Ports rows 192-255: a run per row.
    expect(svg).toMatch(/<path class="system" d="M0 0h256v1h-256zM0 1h256/);
    expect(svg.match(/M0 \d+h256v1h-256z/g)).toHaveLength(256);
    expect(svg).toContain('M0 192h256v1h-256z');
  });

  it('stays small: a style for light and dark, no element per port', () => {
    expect(svg).toContain('@media (prefers-color-scheme: dark)');
    expect(svg.length).toBeLessThan(20_000);
  });
});

describe('portAt', () => {
  it('finds the port under a point given as fractions of the drawing', () => {
    expect(portAt(0, 0)).toBe(0);
    expect(portAt((443 % 256) / 256 + 0.001, Math.floor(443 / 256) / 256 + 0.001)).toBe(443);
    expect(portAt(1, 1)).toBe(65535);
  });
});
