import { describe, expect, it } from 'vitest';
import {
  findDuplicateIds,
  findDuplicateUses,
  findOrderProblems,
  type SoftwareFile,
  sortSoftware,
} from './data-order.ts';
import { formatSoftwareFile } from './format.ts';
import type { Software, SoftwareUse } from './schema.ts';

const citation = { url: 'https://example.org/docs/ports', title: 'Ports' };
const use = (
  low: number,
  purpose: string,
  protocols: SoftwareUse['protocols'] = ['tcp'],
): SoftwareUse => ({
  low,
  high: low,
  protocols,
  purpose,
  setting: null,
  citation,
});
const software = (id: string, uses: SoftwareUse[]): Software => ({
  id,
  name: id,
  category: 'web',
  homepage: 'https://example.org/',
  uses,
});

describe('data order', () => {
  it('finds entries out of id order and uses out of port order, and sorting fixes both', () => {
    const file: SoftwareFile = {
      category: 'web',
      entries: [
        software('vite', [use(5173, 'dev server')]),
        software('nginx', [use(443, 'https'), use(80, 'http')]),
      ],
    };
    expect(findOrderProblems(file)).toEqual([
      'web.json: "nginx" must come before "vite" (sort by id)',
      'web.json: nginx uses[1] (80-80) must come before uses[0] (sort by low, high, purpose)',
    ]);
    const sorted = sortSoftware(file.entries);
    expect(sorted.map((e) => e.id)).toEqual(['nginx', 'vite']);
    expect(sorted[0]?.uses.map((u) => u.low)).toEqual([80, 443]);
    expect(findOrderProblems({ category: 'web', entries: sorted })).toEqual([]);
  });

  it('finds an id used in two files', () => {
    const a: SoftwareFile = {
      category: 'web',
      entries: [software('grafana', [use(3000, 'web UI')])],
    };
    const b: SoftwareFile = {
      category: 'monitoring',
      entries: [software('grafana', [use(3000, 'web UI')])],
    };
    expect(findDuplicateIds([a, b])).toEqual([
      'duplicate id "grafana" in web.json, monitoring.json',
    ]);
  });

  it('finds one software claiming the same port and protocol twice, but not tcp and udp apart', () => {
    const twice = software('consul', [
      use(8600, 'DNS', ['tcp', 'udp']),
      use(8600, 'DNS interface', ['udp']),
    ]);
    expect(findDuplicateUses({ category: 'containers', entries: [twice] })).toEqual([
      'containers.json: consul claims 8600-8600/udp twice',
    ]);
    const apart = software('x', [
      use(53, 'DNS over TCP', ['tcp']),
      use(53, 'DNS over UDP', ['udp']),
    ]);
    expect(findDuplicateUses({ category: 'containers', entries: [apart] })).toEqual([]);
  });

  it('writes string lists on one line, as Biome formats them', () => {
    const text = formatSoftwareFile([software('x', [use(1, 'echo', ['tcp', 'udp'])])]);
    expect(text).toContain('"protocols": ["tcp", "udp"],');
    expect(JSON.parse(text)).toEqual([software('x', [use(1, 'echo', ['tcp', 'udp'])])]);
    expect(text.endsWith('}\n]\n')).toBe(true);
  });
});
