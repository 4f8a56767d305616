// geopoint: the tablet's GPS fix with its accuracy; picking on the map comes later (disabled button).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProps } from './types.ts';

interface GeoValue {
  lat: number;
  lng: number;
  accuracy?: number;
}

function asGeo(value: unknown): GeoValue | null {
  const v = value as GeoValue | null;
  return v && typeof v.lat === 'number' && typeof v.lng === 'number' ? v : null;
}

export function GeopointField({ state, inputId, describedBy, disabled, onChange }: FieldProps) {
  const { t } = useTranslation();
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const point = asGeo(state.value);
  const available = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const capture = () => {
    setLocating(true);
    setFailure(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const { latitude, longitude, accuracy, altitude } = position.coords;
        onChange(
          { lat: latitude, lng: longitude, accuracy, ...(altitude === null ? {} : { altitude }), capturedAt: new Date(position.timestamp).toISOString() },
          { immediate: true },
        );
      },
      (error) => {
        setLocating(false);
        setFailure(error.message || String(error.code));
      },
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 0 },
    );
  };

  return (
    <div className="stack">
      {point && (
        <output className="value-readout" aria-describedby={describedBy} data-testid="geopoint-value">
          {point.lat.toFixed(6)}, {point.lng.toFixed(6)}
          {point.accuracy !== undefined && <span className="muted"> （{t('fields.gpsAccuracy', { meters: Math.round(point.accuracy) })}）</span>}
        </output>
      )}
      <div className="row">
        <button id={inputId} type="button" className="btn btn-primary" disabled={disabled || locating || !available} onClick={capture}>
          {locating ? t('fields.gpsLocating') : point ? t('fields.gpsRecapture') : t('fields.gpsCapture')}
        </button>
        <button type="button" className="btn" disabled title={t('fields.comingSoon')}>
          {t('fields.mapPick')}（{t('fields.comingSoon')}）
        </button>
        {point && !disabled && (
          <button type="button" className="btn btn-ghost" onClick={() => onChange(null, { immediate: true })}>
            {t('app.clear')}
          </button>
        )}
      </div>
      {!available && <p className="muted">{t('fields.gpsUnavailable')}</p>}
      {failure && (
        <p className="field-error" role="alert">
          {t('fields.gpsFailed', { message: failure })}
        </p>
      )}
    </div>
  );
}
