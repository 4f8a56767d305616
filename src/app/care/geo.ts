// Directions without a map service: straight-line distance and bearing from the device to the visit, the compass point, and a geo: URI for the device's map app.

export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine; well within a metre at town scale). */
export function distanceMetres(from: LatLng, to: LatLng): number {
  const dLat = rad(to.lat - from.lat);
  const dLng = rad(to.lng - from.lng);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing in degrees clockwise from north, 0 ≤ b < 360. */
export function bearingDegrees(from: LatLng, to: LatLng): number {
  const y = Math.sin(rad(to.lng - from.lng)) * Math.cos(rad(to.lat));
  const x = Math.cos(rad(from.lat)) * Math.sin(rad(to.lat)) - Math.sin(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.cos(rad(to.lng - from.lng));
  const deg = (Math.atan2(y, x) * 180) / Math.PI;
  return (deg + 360) % 360;
}

export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

export function compassPoint(bearing: number): CompassPoint {
  return COMPASS_POINTS[Math.round((((bearing % 360) + 360) % 360) / 45) % 8]!;
}

/**
 * RFC 5870 geo: URI with a q= pin (Android map apps drop a pin there). No name goes along: the map app is
 * another app, and the applicant's name is not its business.
 */
export function geoUri(point: LatLng): string {
  const coords = `${point.lat.toFixed(6)},${point.lng.toFixed(6)}`;
  return `geo:${coords}?q=${coords}`;
}

/** For a case without a position: the map app searches the address (only when the assessor taps it). */
export function geoUriForAddress(address: string): string {
  return `geo:0,0?q=${encodeURIComponent(address)}`;
}

/** "850 m" under a kilometre, "3.2 km" above. */
export function distanceText(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`;
}
