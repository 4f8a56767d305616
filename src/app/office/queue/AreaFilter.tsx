// The queue's area filter: a preset area, or a box taken from the map (the visible view, or drawn by press-and-drag).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../state/appStore.ts';
import { PointMap, type MapPoint } from '../shared/PointMap.tsx';
import { AREA_PRESETS, presetById, type Bbox } from './areaPresets.ts';
import { formatBbox, type QueueFilters } from './queueFilters.ts';

interface Props {
  filters: QueueFilters;
  points: readonly MapPoint[];
  onChange: (next: QueueFilters) => void;
  onOpenPoint: (id: string) => void;
}

export function AreaFilter({ filters, points, onChange, onOpenPoint }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mapOpen, setMapOpen] = useState(filters.area === 'custom');
  const [drawing, setDrawing] = useState(false);
  const view = useRef<Bbox | null>(null);

  const choosePreset = (id: string) => {
    const preset = presetById(id);
    onChange({ ...filters, area: preset ? preset.id : '', bbox: preset ? preset.bbox : null });
  };
  const applyBox = (bbox: Bbox) => {
    setDrawing(false);
    onChange({ ...filters, area: 'custom', bbox });
  };

  return (
    <section className="office-panel office-area" aria-labelledby="office-area-title" data-testid="area-filter">
      <div className="row">
        <h2 id="office-area-title" className="office-panel-title">
          {t('office.queue.area')}
        </h2>
        <select className="input office-area-select" value={filters.area === 'custom' ? 'custom' : filters.area} onChange={(e) => choosePreset(e.target.value)} data-testid="filter-area">
          <option value="">{t('office.queue.anywhere')}</option>
          {AREA_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label[language]}
            </option>
          ))}
          {filters.area === 'custom' && <option value="custom">{t('office.queue.customArea')}</option>}
        </select>
        {filters.bbox && <span className="hint mono" data-testid="filter-bbox">{formatBbox(filters.bbox)}</span>}
        <button type="button" className="btn" aria-expanded={mapOpen} onClick={() => setMapOpen((open) => !open)} data-testid="area-map-toggle">
          {mapOpen ? t('office.queue.hideMap') : t('office.queue.showMap')}
        </button>
      </div>
      {mapOpen && (
        <div className="stack office-area-map">
          <PointMap points={points} bbox={filters.bbox} drawing={drawing} onDraw={applyBox} onView={(bbox) => (view.current = bbox)} onPointClick={onOpenPoint} testId="queue-map" />
          <div className="row">
            <button type="button" className="btn" onClick={() => view.current && applyBox(view.current)} data-testid="area-use-view">
              {t('office.queue.useView')}
            </button>
            <button type="button" className={`btn ${drawing ? 'btn-primary' : ''}`} aria-pressed={drawing} onClick={() => setDrawing((on) => !on)} data-testid="area-draw">
              {drawing ? t('office.queue.drawing') : t('office.queue.draw')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
