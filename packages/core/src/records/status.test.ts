import { describe, expect, it } from 'vitest';
import { deriveStatus } from './status.ts';

const unnamed = (description: string | null, notes: string | null = null) =>
  deriveStatus({ serviceName: null, description, notes });

describe('deriveStatus', () => {
  it('reads the registry markers of unnamed records', () => {
    expect(unnamed('Unassigned')).toBe('unassigned');
    expect(unnamed('unassigned')).toBe('unassigned');
    expect(unnamed('Unassigned [was netstat]')).toBe('unassigned');
    expect(unnamed('Reserved')).toBe('reserved');
    expect(unnamed('De-registered')).toBe('deassigned');
    expect(unnamed('Removed')).toBe('removed');
  });

  it('lets a de-assignment or removal note win over the Reserved it leaves', () => {
    expect(
      unnamed('Reserved', 'De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]'),
    ).toBe('deassigned');
    expect(unnamed('Reserved', 'This entry is being removed on 2013-05-24.')).toBe('removed');
  });

  it('treats a named record with a description as assigned, unless marked', () => {
    expect(deriveStatus({ serviceName: 'x11', description: 'X Window System', notes: null })).toBe(
      'assigned',
    );
    expect(deriveStatus({ serviceName: 'sua', description: 'De-Registered', notes: null })).toBe(
      'deassigned',
    );
    expect(
      deriveStatus({
        serviceName: 'ftp',
        description: 'File Transfer',
        notes: 'Deprecated June 2004',
      }),
    ).toBe('assigned');
  });

  it('counts an unnamed record with other text as assigned, and an empty one as unassigned', () => {
    expect(unnamed('any private mail system')).toBe('assigned');
    expect(unnamed(null)).toBe('unassigned');
  });
});
