import { serviceSearchNames } from '../../lib/site.ts';

export function GET(): Response {
  return new Response(JSON.stringify(serviceSearchNames), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
