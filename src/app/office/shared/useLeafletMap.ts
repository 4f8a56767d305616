// One Leaflet map bound to a container element: loaded lazily, kept sized to its box, removed on unmount; `failed` when Leaflet cannot load.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as LeafletMap, MapOptions } from 'leaflet';
import { loadLeaflet } from './loadLeaflet.ts';

type Leaflet = Awaited<ReturnType<typeof loadLeaflet>>;

/** The container's class: the app's map styles (44-px zoom buttons) apply to every map made here. */
export const MAP_CLASS = 'genba-map';

/**
 * Creates the map once (with a metric scale and, unless `zoomControl: false`, zoom buttons labelled in the UI
 * language instead of Leaflet's English "Zoom in"), then calls `setup` for the caller's own controls and listeners.
 * `options` and `setup` are read at mount only, like Leaflet's own constructor.
 */
export function useLeafletMap(container: RefObject<HTMLDivElement | null>, options: MapOptions, setup?: (map: LeafletMap, L: Leaflet) => void) {
  const { t } = useTranslation();
  const mapRef = useRef<LeafletMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const init = useRef({ options, setup, zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });

  useEffect(() => {
    let alive = true;
    let observer: ResizeObserver | null = null;
    void loadLeaflet().then(
      (L) => {
        if (!alive || !container.current) return;
        const { options: mapOptions, zoomIn, zoomOut } = init.current;
        container.current.classList.add(MAP_CLASS);
        const map = L.map(container.current, { attributionControl: false, ...mapOptions, zoomControl: false });
        if (mapOptions.zoomControl !== false) L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(map);
        init.current.setup?.(map, L);
        L.control.scale({ imperial: false }).addTo(map);
        mapRef.current = map;
        observer = new ResizeObserver(() => map.invalidateSize());
        observer.observe(container.current);
        setReady(true);
      },
      (error: unknown) => {
        console.error('[genba] map library failed to load', error);
        if (alive) setFailed(true);
      },
    );
    return () => {
      alive = false;
      observer?.disconnect();
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, [container]);

  return { mapRef, ready, failed };
}
