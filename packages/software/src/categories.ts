/** The categories of software, one data file each (`data/software/<category>.json`). */
export const SOFTWARE_CATEGORIES = [
  'ai',
  'containers',
  'databases',
  'devtools',
  'directory',
  'games',
  'iot',
  'mail',
  'media',
  'messaging',
  'monitoring',
  'networking',
  'platform',
  'remote-access',
  'security',
  'storage',
  'web',
] as const;
export type SoftwareCategory = (typeof SOFTWARE_CATEGORIES)[number];

export function isSoftwareCategory(name: string): name is SoftwareCategory {
  return (SOFTWARE_CATEGORIES as readonly string[]).includes(name);
}
