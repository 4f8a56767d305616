// Leaflet tooltip and popup content as a DOM element holding text: Leaflet puts a string in as HTML, so strings are never passed.
export function leafletText(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}
