import type { AssignmentRow, ChangeRow } from '@portbook/core';
import { describe, expect, it } from 'vitest';
import { changeLine } from './change-text.ts';

const base: ChangeRow = {
  id: 'c',
  sourceId: 2,
  previousSourceId: 1,
  kind: 'modified',
  lineage: 'l',
  beforeVersionId: null,
  afterVersionId: null,
  fields: null,
  occurred: '2026-08-17',
  origin: 'diff',
  evidence: null,
  serviceName: null,
  portLow: null,
  portHigh: null,
  protocol: null,
};

const unassigned = { status: 'unassigned', serviceName: null, description: 'Unassigned' } as const;

describe('changeLine', () => {
  it('says what an added Unassigned range is, and links to its first port', () => {
    const line = changeLine(
      { ...base, kind: 'added', portLow: 11372, portHigh: 11599, afterVersionId: 7 },
      (id) => (id === 7 ? unassigned : undefined),
    );
    expect(line.sentence).toBe('added an Unassigned record for 11372-11599');
    expect(line.href).toBe('/ports/11372/');
  });

  it('links a change without a port to its service', () => {
    const line = changeLine(
      { ...base, kind: 'added', serviceName: 'airplay', protocol: 'udp' },
      () => undefined,
    );
    expect(line.sentence).toBe('added airplay on udp');
    expect(line.href).toBe('/services/airplay/');
  });

  it("dates a change by the record's own date when IANA states one before the document", () => {
    const after = {
      status: 'assigned',
      serviceName: 'x',
      description: null,
      registered: '2025-03-02',
      modified: '2026-05-01',
    } satisfies Partial<AssignmentRow>;
    const added = changeLine({ ...base, kind: 'added', afterVersionId: 1 }, () => after);
    expect(added).toMatchObject({ date: '2025-03-02', occurred: '2026-08-17' });
    const modified = changeLine({ ...base, afterVersionId: 1 }, () => after);
    expect(modified.date).toBe('2026-05-01');
    expect(changeLine(base, () => undefined).date).toBe('2026-08-17');
  });
});
