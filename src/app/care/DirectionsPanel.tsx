// Directions to the visit: the straight-line distance and direction from the tablet, a tile-less map, and a geo: link that hands off to the device's map app.
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../forms/care-case/case-fields.ts';
import { DirectionsMap } from './DirectionsMap.tsx';
import { bearingDegrees, compassPoint, distanceMetres, distanceText, geoUri, geoUriForAddress } from './geo.ts';
import { useDevicePosition } from './useDevicePosition.ts';

export function DirectionsPanel({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const device = useDevicePosition();
  const target = view.location;
  const here = device.position;

  return (
    <section className="care-panel" data-testid="care-directions">
      <h2 className="care-heading">{t('care.directions.title')}</h2>
      {target ? (
        <>
          <p className="muted">{t('care.directions.mapNote')}</p>
          <DirectionsMap target={target} here={here} />
          {here && (
            <p className="care-distance" data-testid="care-distance">
              {t('care.directions.distance', {
                distance: distanceText(distanceMetres(here, target)),
                direction: t(`care.directions.compass.${compassPoint(bearingDegrees(here, target))}`),
              })}
            </p>
          )}
        </>
      ) : (
        <p className="muted">{t('care.directions.noLocation')}</p>
      )}
      <div className="row">
        {target && (
          <button type="button" className="btn" disabled={!device.available || device.locating} onClick={device.locate} data-testid="care-locate">
            {device.locating ? t('care.directions.locating') : t('care.directions.locate')}
          </button>
        )}
        {target && <a className="btn btn-primary" href={geoUri(target)} data-testid="care-geo-link">{t('care.directions.openMap')}</a>}
        {!target && view.address && <a className="btn" href={geoUriForAddress(view.address)} data-testid="care-geo-link">{t('care.directions.openAddress')}</a>}
      </div>
      {!device.available && target && <p className="muted">{t('care.directions.gpsUnavailable')}</p>}
      {device.failure && <p className="field-error" role="alert">{t('care.directions.gpsFailed', { message: device.failure })}</p>}
    </section>
  );
}
