/**
 * `system`, `user` or `dynamic`: the colour family of a class, from the words its document used
 * (Well Known and the early 0–255 ports read as system, Registered as user, Private as dynamic).
 */
export function rangeTone(name: string): 'system' | 'user' | 'dynamic' {
  if (/dynamic|private|ephemeral/i.test(name)) return 'dynamic';
  if (/user|registered/i.test(name)) return 'user';
  return 'system';
}

/** A defining document's short name for tables: `RFC 739`, `Microsoft KB 929851`. */
export function documentName(definedBy: string): string {
  return definedBy.split(/[:,(]/)[0]?.trim() || definedBy;
}
