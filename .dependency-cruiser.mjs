/**
 * The layering, checked by `pnpm lint` (root task `lint:deps`):
 * core <- db <- api, site, cli; packages reach each other only by their names.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const PACKAGE = '^(api|site|bench|packages/[^/]+)/';
const APPS = '^(api|site|bench|packages/cli)/';
const INFRASTRUCTURE =
  'node_modules/(drizzle-orm|drizzle-kit|postgres|@electric-sql|graphql|graphql-yoga|@graphql-yoga|@pothos|astro)/';

export default {
  forbidden: [
    {
      name: 'no-cross-package-relative-import',
      comment:
        'A package reaches another by its name and declared dependency, never by a relative path.',
      severity: 'error',
      from: { path: PACKAGE },
      to: { dependencyTypes: ['local'], pathNot: '^$1/' },
    },
    {
      name: 'core-is-the-domain',
      comment: 'core imports no database, GraphQL, Astro or app code.',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: [`${APPS}|^packages/db/`, INFRASTRUCTURE] },
    },
    {
      name: 'db-serves-the-apps',
      comment: 'db sits below api, site and cli and imports none of them.',
      severity: 'error',
      from: { path: '^packages/db/' },
      to: { path: APPS },
    },
    {
      name: 'declared-dependencies-only',
      comment: 'Every package imported is in the importing package.json (pnpm links only those).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown', 'unknown'] },
    },
    {
      name: 'resolvable',
      comment: 'An import that does not resolve is usually a workspace package left undeclared.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, dependencyTypesNot: ['core'] },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.astro|\\.turbo|\\.tools|\\.data)/' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
