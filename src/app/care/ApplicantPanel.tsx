// The applicant's data the office typed (read-only here): number, type, dates, name, address, phone with a call link, preferred times.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../forms/care-case/case-fields.ts';

export function ApplicantPanel({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('care.detail.name'), view.name],
    [t('care.detail.kana'), view.nameKana],
    [t('care.detail.birthDate'), view.birthDate],
    [t('care.detail.sex'), view.sex ? t(`care.sex.${view.sex}`) : null],
    [t('care.detail.address'), view.address],
    [t('care.detail.phone'), view.phone && (
      <span className="row">
        <span>{view.phone}</span>
        <a className="btn" href={`tel:${view.phone.replace(/[^0-9+]/g, '')}`}>{t('care.detail.call')}</a>
      </span>
    )],
    [t('care.detail.preferredTimes'), view.preferredTimes],
    [t('care.detail.insuredNumber'), view.insuredNumber],
    [t('care.detail.applicationType'), view.applicationType ? t(`care.applicationType.${view.applicationType}`) : null],
    [t('care.detail.applicationDate'), view.applicationDate],
  ];
  return (
    <section className="care-panel" data-testid="care-applicant">
      <h2 className="care-heading">{t('care.detail.applicant')}</h2>
      <dl className="care-facts">
        {rows.filter(([, value]) => value).map(([label, value]) => (
          <div key={label} className="care-fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
