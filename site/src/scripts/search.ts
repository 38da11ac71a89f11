/** What the Pagefind bundle (written into dist/pagefind/ after the build) exposes. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

const RESULT_LIMIT = 20;
const PORT_NUMBER = /^\s*(\d{1,5})\s*$/;

/** Runs the query from `?q=` and re-runs as the reader types; a port number links straight to its page. */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-query');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!form || !input || !status || !list) return;
  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    const shortcuts = [...portShortcut(query), ...(await nameShortcut(query))];
    const found = (await searchIndex(query)).filter(
      (item) => !shortcuts.some((shortcut) => shortcut.dataset.href === item.dataset.href),
    );
    const items = [...shortcuts, ...found];
    if (ticket !== latest) return;
    list.replaceChildren(...items);
    status.textContent =
      items.length === 0
        ? `Nothing found for “${query}”.`
        : `${items.length} results for “${query}”.`;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  void run();
}

function portShortcut(query: string): HTMLLIElement[] {
  const number = PORT_NUMBER.exec(query)?.[1];
  if (number === undefined || Number(number) > 65535) return [];
  return [resultItem(`/ports/${Number(number)}/`, `Port ${Number(number)}`, '')];
}

let names: Promise<Record<string, string>> | undefined;

/** A query that is exactly a service name leads first to the page that answers for it. */
async function nameShortcut(query: string): Promise<HTMLLIElement[]> {
  names ??= fetch('/search/names.json').then((response) => response.json());
  const name = query.trim().toLowerCase();
  const known = await names;
  const href = Object.hasOwn(known, name) ? known[name] : undefined;
  if (!href) return [];
  const port = /^\/ports\/(\d+)\/$/.exec(href)?.[1];
  return [resultItem(href, port ? `Port ${port} — ${name}` : `${name} — service name`, '')];
}

let pagefind: Promise<Pagefind> | undefined;

async function searchIndex(query: string): Promise<HTMLLIElement[]> {
  pagefind ??= import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`).then(
    async (module: Pagefind) => {
      // Port pages are longer than service pages; full length normalisation buried them.
      await module.options({ excerptLength: 24, ranking: { pageLength: 0.25 } });
      return module;
    },
  );
  const search = await (await pagefind).search(query);
  const results = await Promise.all(search.results.slice(0, RESULT_LIMIT).map((r) => r.data()));
  return results.map((result) =>
    resultItem(
      result.url,
      (result.meta.title ?? result.url).replace(/ \| portbook$/, ''),
      result.excerpt,
    ),
  );
}

function resultItem(href: string, title: string, excerptHtml: string): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.href = href;
  const link = document.createElement('a');
  link.href = href;
  link.textContent = title;
  item.append(link);
  if (excerptHtml) {
    const excerpt = document.createElement('p');
    // Pagefind escapes page text and adds only <mark> around the matched words.
    excerpt.innerHTML = excerptHtml;
    item.append(excerpt);
  }
  return item;
}
