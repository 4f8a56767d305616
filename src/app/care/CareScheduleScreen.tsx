// The visit schedule (/care/schedule): the assigned cases by 訪問予定 in a day or week view, and the cases without a date apart; all from the device, so it works offline.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../state/appStore.ts';
import { navigate } from '../state/routeStore.ts';
import { CaseCard } from './CaseCard.tsx';
import { dayLabel } from './dayLabel.ts';
import { addDays, casesOnDay, todayOf, unscheduled, weekOf, weekSchedule, type DayKey } from './schedule.ts';
import { useCareCases, type CareData } from './useCareCases.ts';
import './care.css';

type Mode = 'day' | 'week';

export function CareScheduleScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const data = useCareCases();
  const [mode, setMode] = useState<Mode>('day');
  const [day, setDay] = useState<DayKey>(() => todayOf(new Date()));
  const step = mode === 'day' ? 1 : 7;
  const week = weekOf(day);
  const heading = mode === 'day' ? dayLabel(day, language, true) : t('care.weekOf', { from: dayLabel(week[0]!, language), to: dayLabel(week[6]!, language) });

  return (
    <section className="screen care-schedule" data-testid="care-schedule">
      <div className="screen-head">
        <button type="button" className="btn btn-ghost" onClick={() => void navigate({ name: 'home' })}>
          ← {t('app.back')}
        </button>
        <h1 className="screen-title">{t('care.title')}</h1>
        <div className="segmented" role="group" aria-label={t('care.title')}>
          {(['day', 'week'] as const).map((m) => (
            <button key={m} type="button" className={`segment${mode === m ? ' is-selected' : ''}`} aria-pressed={mode === m} onClick={() => setMode(m)} data-testid={`care-mode-${m}`}>
              {t(`care.${m}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="care-nav">
        <button type="button" className="btn" onClick={() => setDay(addDays(day, -step))} aria-label={t(mode === 'day' ? 'care.prevDay' : 'care.prevWeek')}>
          ←
        </button>
        <button type="button" className="btn" onClick={() => setDay(todayOf(new Date()))}>
          {t('care.today')}
        </button>
        <button type="button" className="btn" onClick={() => setDay(addDays(day, step))} aria-label={t(mode === 'day' ? 'care.nextDay' : 'care.nextWeek')}>
          →
        </button>
        <h2 className="care-heading" data-testid="care-heading">{heading}</h2>
      </div>
      {data && data.cases.length === 0 && <p className="empty">{t('care.noCases')}</p>}
      {data && mode === 'day' && <DayView data={data} day={day} />}
      {data && mode === 'week' && <WeekView data={data} day={day} onPickDay={(d) => { setDay(d); setMode('day'); }} />}
      {data && <UnscheduledList data={data} />}
    </section>
  );
}

function DayView({ data, day }: { data: CareData; day: DayKey }) {
  const { t } = useTranslation();
  const cases = casesOnDay(data.cases, day);
  if (cases.length === 0) return <p className="empty" data-testid="care-day-empty">{t('care.noVisits')}</p>;
  return (
    <ul className="card-list" data-testid="care-day">
      {cases.map((c) => (
        <li key={c.id}>
          <CaseCard item={c} assessment={c.view.assessmentRecordId ? data.assessments.get(c.view.assessmentRecordId) : undefined} />
        </li>
      ))}
    </ul>
  );
}

function WeekView({ data, day, onPickDay }: { data: CareData; day: DayKey; onPickDay: (day: DayKey) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = todayOf(new Date());
  return (
    <ol className="care-week" data-testid="care-week">
      {weekSchedule(data.cases, day).map(({ day: d, cases }) => (
        <li key={d} className={`care-week-day${d === today ? ' is-today' : ''}`} data-day={d}>
          <button type="button" className="care-week-label" onClick={() => onPickDay(d)}>
            {dayLabel(d, language)}
          </button>
          {cases.length === 0 ? (
            <span className="muted care-week-none">{t('care.noVisitsShort')}</span>
          ) : (
            cases.map((c) => <CaseCard key={c.id} item={c} compact assessment={c.view.assessmentRecordId ? data.assessments.get(c.view.assessmentRecordId) : undefined} />)
          )}
        </li>
      ))}
    </ol>
  );
}

function UnscheduledList({ data }: { data: CareData }) {
  const { t } = useTranslation();
  const cases = unscheduled(data.cases);
  if (cases.length === 0) return null;
  return (
    <section className="care-unscheduled" data-testid="care-unscheduled">
      <h2 className="care-heading">{t('care.unscheduled', { count: cases.length })}</h2>
      <ul className="card-list">
        {cases.map((c) => (
          <li key={c.id}>
            <CaseCard item={c} assessment={c.view.assessmentRecordId ? data.assessments.get(c.view.assessmentRecordId) : undefined} />
          </li>
        ))}
      </ul>
    </section>
  );
}
