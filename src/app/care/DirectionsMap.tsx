// A small Leaflet map with NO online tiles: a plain background, the visit's point, the device's position and the straight line between them (Leaflet loads lazily).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Layer } from 'leaflet';
import { leafletText } from '../office/shared/leafletText.ts';
import { loadLeaflet } from '../office/shared/loadLeaflet.ts';
import { useLeafletMap } from '../office/shared/useLeafletMap.ts';
import type { LatLng } from './geo.ts';

export function DirectionsMap({ target, here }: { target: LatLng; here: LatLng | null }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { mapRef, ready, failed } = useLeafletMap(container, { zoomControl: true });
  const layers = useRef<Layer[]>([]);


  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void loadLeaflet().then((L) => {
      for (const layer of layers.current) layer.remove();
      const visit = L.circleMarker([target.lat, target.lng], { radius: 10, color: '#fff', weight: 3, fillColor: '#c25e00', fillOpacity: 1 }).bindTooltip(leafletText(t('care.directions.target')), { permanent: true, direction: 'top' });
      layers.current = [visit.addTo(map)];
      if (here) {
        const me = L.circleMarker([here.lat, here.lng], { radius: 9, color: '#fff', weight: 3, fillColor: '#0b5394', fillOpacity: 1 }).bindTooltip(leafletText(t('care.directions.here')), { permanent: true, direction: 'bottom' });
        const line = L.polyline([[here.lat, here.lng], [target.lat, target.lng]], { color: '#0b5394', weight: 3, dashArray: '8 6' });
        layers.current.push(line.addTo(map), me.addTo(map));
        map.fitBounds([[here.lat, here.lng], [target.lat, target.lng]], { padding: [40, 40], maxZoom: 17 });
      } else {
        map.setView([target.lat, target.lng], 16);
      }
    });
  }, [ready, target.lat, target.lng, here?.lat, here?.lng, t]);

  if (failed) return <p className="notice">{t('care.directions.mapFailed')}</p>;
  return <div ref={container} className="care-map" data-testid="care-map" role="img" aria-label={t('care.directions.title')} />;
}
