import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../test/fixtures/snapshot.ts';
import { buildConflicts, buildSoftwareIndex, buildSoftwarePages } from './software-pages.ts';

const snapshot = await fixtureSnapshot();
const pages = buildSoftwarePages(snapshot);
const page = (id: string) => pages.find((p) => p.id === id);

describe('software pages', () => {
  it('gives every program of the data set a page with each default and its source', () => {
    expect(pages).toHaveLength(snapshot.allSoftware.length);
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
    const kubernetes = page('kubernetes');
    expect(kubernetes?.path).toBe('/software/kubernetes/');
    expect(kubernetes?.title).toContain('6443');
    expect(kubernetes?.uses.find((use) => use.ports === '6443')).toMatchObject({
      portPath: '/ports/6443/',
      setting: 'kube-apiserver --secure-port',
    });
    expect(kubernetes?.description).toContain('Not IANA registrations');
  });

  it("lists a program's conflicts on its page and every conflict on the conflicts page", () => {
    expect(page('kubernetes')?.conflicts.map((c) => c.port)).toEqual([6443]);
    expect(page('ollama')?.conflicts).toEqual([]);
    const conflicts = buildConflicts(snapshot);
    expect(conflicts.map((c) => `${c.port} ${c.use.softwareId}`)).toContain('6443 kubernetes');
    expect(conflicts).toHaveLength(snapshot.softwareConflicts.length);
  });

  it('indexes programs by category, each once, with its ports', () => {
    const index = buildSoftwareIndex(pages);
    expect(index.programCount).toBe(pages.length);
    const listed = index.categories.flatMap((category) => category.programs);
    expect(listed).toHaveLength(pages.length);
    expect(index.categories.map((c) => c.name)).toEqual(
      [...new Set(pages.map((p) => p.category))].sort(),
    );
    expect(listed.find((program) => program.name === 'Ollama')?.ports).toEqual(['11434']);
  });
});
