import { home } from '../lib/site.ts';

/** The home page's drawing of all 65,536 ports, a file of its own so the page stays light. */
export function GET(): Response {
  return new Response(home.mapDrawing, { headers: { 'Content-Type': 'image/svg+xml' } });
}
