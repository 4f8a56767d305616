// Loads Leaflet (and its CSS) on first use, so only screens that draw a map download it.
type Leaflet = typeof import('leaflet');

let loading: Promise<Leaflet> | null = null;

export function loadLeaflet(): Promise<Leaflet> {
  loading ??= Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]).then(([module]) => {
    // Leaflet 1.x is a CommonJS/UMD package: the bundler may hand it over as the default export.
    const withDefault = module as Leaflet & { default?: Leaflet };
    return withDefault.default ?? withDefault;
  });
  return loading;
}
