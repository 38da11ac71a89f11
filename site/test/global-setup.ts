import type { TestProject } from 'vitest/node';
import { builtSite } from './built-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDist: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide(
    'siteDist',
    await builtSite((line) => process.stderr.write(`[site test] ${line}\n`)),
  );
}
