import { portAt } from '../lib/port-map-grid.ts';

/**
 * A click on the drawing opens the port under it; the number box opens its port directly
 * (without this script it falls back to the search page, which offers the port first).
 */
export function enablePortMap(): void {
  const map = document.querySelector<HTMLImageElement>('#port-map');
  map?.addEventListener('click', (event) => {
    const box = map.getBoundingClientRect();
    const port = portAt(
      (event.clientX - box.left) / box.width,
      (event.clientY - box.top) / box.height,
    );
    location.assign(`/ports/${port}/`);
  });
  const form = document.querySelector<HTMLFormElement>('form.portjump');
  form?.addEventListener('submit', (event) => {
    const value = form.querySelector<HTMLInputElement>('input')?.valueAsNumber;
    if (value === undefined || !Number.isInteger(value) || value < 0 || value > 65535) return;
    event.preventDefault();
    location.assign(`/ports/${value}/`);
  });
}
