/** The site's settings read from the environment, in one place. */
export function siteEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    /** Absolute origin used in canonical links, the sitemap and the feed. */
    siteUrl: env.PORTBOOK_SITE_URL || `http://localhost:${env.PORT || 4000}`,
  };
}
