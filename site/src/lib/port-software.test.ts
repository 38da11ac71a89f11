import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures/snapshot.ts';
import { createPortContext } from './port-context.ts';
import { buildPortPage } from './port-page.ts';
import { WIDE_RANGE_PORTS } from './software-view.ts';

const context = createPortContext(await fixtureSnapshot(), '2026-11-26');
const software = (port: number) => buildPortPage(port, context).software;

describe('portSoftware', () => {
  it("lists a program's default on its port in full, with purpose, setting and source", () => {
    const ollama = software(11434).uses.find((use) => use.softwareId === 'ollama');
    expect(ollama).toMatchObject({
      softwareName: 'Ollama',
      softwarePath: '/software/ollama/',
      ports: '11434',
      setting: 'OLLAMA_HOST',
      citation: { title: 'FAQ - Ollama' },
    });
    expect(ollama?.citation.url).toMatch(/^https:\/\//);
    expect(software(6010).uses.map((use) => use.softwareId)).toContain('openssh');
    expect(software(5173).uses.map((use) => use.softwareId)).toContain('vite');
  });

  it('puts wide ranges on their own compact list, never among the port’s own defaults', () => {
    const dynamic = software(60000);
    // Proxmox VE's 51-port migration block starts here: small enough to show in full.
    expect(dynamic.uses.map((use) => use.softwareId)).toEqual(['proxmox-ve']);
    expect(dynamic.rangeUses.map((use) => use.softwareId)).toEqual(
      expect.arrayContaining(['coturn', 'samba', 'mosh']),
    );
    expect(dynamic.rangeUses.every((use) => use.high - use.low + 1 > WIDE_RANGE_PORTS)).toBe(true);
    const near6443 = software(6443);
    expect(near6443.uses.map((use) => use.softwareId)).toEqual(['kubernetes']);
    expect(near6443.rangeUses.map((use) => use.softwareId)).toContain('asterisk');
    // Shairport Sync's 10-port block is shown in full on 6010.
    expect(software(6010).uses.map((use) => use.softwareId)).toContain('shairport-sync');
  });

  it("names the conflict of Kubernetes' 6443 with sun-sr-https", () => {
    const [conflict, ...others] = software(6443).conflicts;
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({
      port: 6443,
      use: { softwareId: 'kubernetes', ports: '6443' },
      services: [{ name: 'sun-sr-https', path: '/services/sun-sr-https/', protocols: ['tcp'] }],
    });
    expect(software(11434).conflicts).toEqual([]);
  });

  it('says since when browsers refuse a port, with the Fetch standard change', () => {
    expect(software(6667).browserBlock).toMatchObject({
      since: '2016-03-10',
      standardAdded: '2016-03-10',
      earlier: undefined,
    });
    const amanda = software(10080).browserBlock;
    expect(amanda?.since).toBe('2021-01-26');
    expect(amanda?.standardAdded).toBe('2021-04-14');
    expect(amanda?.standardCitation.url).toContain('github.com/whatwg/fetch');
    expect(amanda?.earlier?.event).toContain('Firefox 85');
    expect(software(11434).browserBlock).toBeUndefined();
  });

  it('gives a port no program names nothing to show', () => {
    expect(software(30)).toEqual({
      uses: [],
      rangeUses: [],
      conflicts: [],
      browserBlock: undefined,
    });
  });
});
