/** The port a mistyped address names, e.g. `/443`, `/port/443`, `/tcp/443/` → 443. */
export function portInPath(path: string): number | undefined {
  const match = /^\/(?:(?:ports?|tcp|udp|sctp|dccp)\/)?(\d{1,5})\/?(?:index\.html)?$/i.exec(path);
  const port = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(port) && port <= 65535 ? port : undefined;
}

/** On the 404 page: a number typed in the URL leads to its port page. */
export function redirectToPort(): void {
  const port = portInPath(decodeURIComponent(location.pathname));
  if (port === undefined) return;
  const target = `/ports/${port}/`;
  const note = document.querySelector<HTMLElement>('#not-found-port');
  if (note) {
    note.hidden = false;
    note.innerHTML = `Taking you to <a href="${target}">port ${port}</a>…`;
  }
  location.replace(target);
}
