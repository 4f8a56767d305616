// The tablet's GPS position on request (the browser asks for permission the first time): position, whether it is locating, and why it failed.
import { useCallback, useState } from 'react';
import type { LatLng } from './geo.ts';

export interface DevicePosition {
  position: (LatLng & { accuracy: number }) | null;
  locating: boolean;
  failure: string | null;
  available: boolean;
  locate: () => void;
}

export function useDevicePosition(): DevicePosition {
  const [position, setPosition] = useState<DevicePosition['position']>(null);
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const available = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = useCallback(() => {
    if (!available) return;
    setLocating(true);
    setFailure(null);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setPosition({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy });
      },
      (error) => {
        setLocating(false);
        setFailure(error.message || String(error.code));
      },
      // A fix up to a minute old is good enough to point the way and saves the battery.
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
    );
  }, [available]);

  return { position, locating, failure, available, locate };
}
