// A small Leaflet map with NO online tiles: record points (and an area box) on a plain background; optionally draw a box or report the view.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LatLngBounds, Layer, Rectangle } from 'leaflet';
import type { Bbox } from '../queue/areaPresets.ts';
import { leafletText } from './leafletText.ts';
import { loadLeaflet } from './loadLeaflet.ts';
import { useLeafletMap } from './useLeafletMap.ts';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  status?: string;
  label?: string;
}

interface PointMapProps {
  points: readonly MapPoint[];
  /** An area to outline (the queue's area filter). */
  bbox?: Bbox | null;
  /** While true, a press-and-drag draws a box instead of panning; the box is reported through onDraw. */
  drawing?: boolean;
  onDraw?: (bbox: Bbox) => void;
  /** Called with the visible area after every pan or zoom (for "filter by this view"). */
  onView?: (bbox: Bbox) => void;
  onPointClick?: (id: string) => void;
  className?: string;
  testId?: string;
}

const STATUS_COLOURS: Record<string, string> = { draft: '#5b6670', submitted: '#1e7b34', returned: '#c25e00', approved: '#0b5394' };
/** Where an empty map looks (the middle of Japan). */
const EMPTY_VIEW: [number, number, number] = [36.5, 138, 4];

const toBbox = (bounds: LatLngBounds): Bbox => [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];

export function PointMap({ points, bbox = null, drawing = false, onDraw, onView, onPointClick, className, testId }: PointMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const layers = useRef<Layer[]>([]);
  const callbacks = useRef({ onDraw, onView, onPointClick });
  callbacks.current = { onDraw, onView, onPointClick };

  const { mapRef, ready, failed } = useLeafletMap(container, { preferCanvas: true, boxZoom: false }, (map) => {
    map.setView([EMPTY_VIEW[0], EMPTY_VIEW[1]], EMPTY_VIEW[2]);
    map.on('moveend', () => callbacks.current.onView?.(toBbox(map.getBounds())));
  });

  // Points and the area box: redrawn when they change; the view fits them.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void loadLeaflet().then((L) => {
      for (const layer of layers.current) layer.remove();
      layers.current = [];
      const fit: [number, number][] = [];
      for (const point of points) {
        const colour = STATUS_COLOURS[point.status ?? ''] ?? '#0b5394';
        const marker = L.circleMarker([point.lat, point.lon], { radius: 8, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 0.9 });
        // Labels are record titles a field account wrote: text, never HTML (leafletText.ts).
        if (point.label) marker.bindTooltip(leafletText(point.label));
        marker.on('click', () => callbacks.current.onPointClick?.(point.id));
        marker.addTo(map);
        layers.current.push(marker);
        fit.push([point.lat, point.lon]);
      }
      if (bbox) {
        const box = L.rectangle([[bbox[1], bbox[0]], [bbox[3], bbox[2]]], { color: '#d98b00', weight: 2, fillOpacity: 0.08, interactive: false });
        box.addTo(map);
        layers.current.push(box);
        fit.push([bbox[1], bbox[0]], [bbox[3], bbox[2]]);
      }
      if (fit.length === 1 && fit[0]) map.setView(fit[0], 16);
      else if (fit.length > 1) map.fitBounds(fit, { padding: [24, 24], maxZoom: 16 });
    });
  }, [ready, points, bbox]);

  // Drawing a box: pointer events on the container (mouse, pen and touch alike), panning off meanwhile.
  useEffect(() => {
    const map = mapRef.current;
    const element = container.current;
    if (!ready || !map || !element || !drawing) return;
    map.dragging.disable();
    let start: { lat: number; lng: number } | null = null;
    let box: Rectangle | null = null;
    const down = (event: PointerEvent) => {
      start = map.mouseEventToLatLng(event);
      element.setPointerCapture(event.pointerId);
    };
    const move = (event: PointerEvent) => {
      if (!start) return;
      const here = map.mouseEventToLatLng(event);
      void loadLeaflet().then((L) => {
        if (!start) return;
        const bounds = L.latLngBounds([start.lat, start.lng], [here.lat, here.lng]);
        if (box) box.setBounds(bounds);
        else box = L.rectangle(bounds, { color: '#d98b00', weight: 2, dashArray: '6 4', fillOpacity: 0.1, interactive: false }).addTo(map);
      });
    };
    const up = (event: PointerEvent) => {
      if (!start) return;
      const end = map.mouseEventToLatLng(event);
      const drawn: Bbox = [Math.min(start.lng, end.lng), Math.min(start.lat, end.lat), Math.max(start.lng, end.lng), Math.max(start.lat, end.lat)];
      start = null;
      box?.remove();
      box = null;
      if (drawn[0] < drawn[2] && drawn[1] < drawn[3]) callbacks.current.onDraw?.(drawn);
    };
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    return () => {
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      box?.remove();
      map.dragging.enable();
    };
  }, [ready, drawing]);

  return (
    // The drawing class sits on the frame: Leaflet owns the map element's classes, and React must not rewrite them.
    <div className={`office-map-frame ${drawing ? 'is-drawing' : ''} ${className ?? ''}`}>
      <div ref={container} className="office-map" data-testid={testId ?? 'office-map'} data-points={points.length} role="img" aria-label={t('office.map.label', { count: points.length })} />
      {failed && <p className="notice">{t('office.map.failed')}</p>}
      {ready && points.length === 0 && <p className="office-map-empty muted">{t('office.map.noPoints')}</p>}
    </div>
  );
}
