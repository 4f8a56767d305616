// One Leaflet map bound to a container element: loaded lazily, kept sized to its box, removed on unmount; `failed` when Leaflet cannot load.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Map as LeafletMap, MapOptions } from 'leaflet';
import { loadLeaflet } from './loadLeaflet.ts';

type Leaflet = Awaited<ReturnType<typeof loadLeaflet>>;

/**
 * Creates the map once (with a metric scale), then calls `setup` for the caller's own controls and listeners.
 * `options` and `setup` are read at mount only, like Leaflet's own constructor.
 */
export function useLeafletMap(container: RefObject<HTMLDivElement | null>, options: MapOptions, setup?: (map: LeafletMap, L: Leaflet) => void) {
  const mapRef = useRef<LeafletMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const init = useRef({ options, setup });

  useEffect(() => {
    let alive = true;
    let observer: ResizeObserver | null = null;
    void loadLeaflet().then(
      (L) => {
        if (!alive || !container.current) return;
        const map = L.map(container.current, { attributionControl: false, ...init.current.options });
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
