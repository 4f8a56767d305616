// geoshape: drawn on the map, which comes later; shows how many points an existing shape has.
import { useTranslation } from 'react-i18next';
import type { FieldProps } from './types.ts';

export function GeoshapeField({ state }: FieldProps) {
  const { t } = useTranslation();
  const points = Array.isArray(state.value) ? state.value.length : 0;
  return (
    <div className="row">
      {points > 0 && <span className="value-readout">{t('fields.geoshapePoints', { count: points })}</span>}
      <button type="button" className="btn" disabled title={t('fields.comingSoon')}>
        {t('fields.mapPick')}（{t('fields.comingSoon')}）
      </button>
    </div>
  );
}
