// One chart.js chart (bar or line) in a fixed-height box; the library loads lazily and the chart is rebuilt when its data changes.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chart } from 'chart.js';
import { loadCharts } from './loadCharts.ts';

export interface ChartSeries {
  label: string;
  data: number[];
  /** One colour for the series, or one per bar. */
  colour: string | string[];
}

export function ChartView({ type, labels, series, title, testId }: { type: 'bar' | 'line'; labels: string[]; series: ChartSeries[]; title: string; testId?: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let chart: Chart | null = null;
    let alive = true;
    void loadCharts().then(
      (ChartClass) => {
        if (!alive || !canvas.current) return;
        chart = new ChartClass(canvas.current, {
          type,
          data: {
            labels,
            datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.colour, borderColor: s.colour, tension: 0.2 })),
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { display: series.length > 1 } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          },
        });
      },
      (error: unknown) => {
        console.error('[genba] chart library failed to load', error);
        if (alive) setFailed(true);
      },
    );
    return () => {
      alive = false;
      chart?.destroy();
    };
  }, [type, labels, series]);

  return (
    <div className="office-chart" data-testid={testId}>
      {failed ? <p className="notice">{t('office.dashboard.chartFailed')}</p> : <canvas ref={canvas} role="img" aria-label={title} />}
    </div>
  );
}
