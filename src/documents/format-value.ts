// An answer as printed text: dates and date-times as written by the assessor (no time-zone shift), numbers with their unit, yes/no.
import type { FieldDefinition } from '../engine/types.ts';
import type { DocumentText } from './document-text.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TIME = /T(\d{2}:\d{2})/;

export function formatValue(field: FieldDefinition, value: unknown, text: DocumentText): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? text.yes : text.no;
  if (typeof value === 'number') return field.unit ? `${value} ${field.unit}` : String(value);
  if (typeof value === 'string') {
    const date = DATE.exec(value);
    if (date && (field.type === 'date' || field.type === 'datetime' || field.type === 'timestamp')) {
      const day = text.date(date[1]!, date[2]!, date[3]!);
      const time = field.type === 'date' ? null : TIME.exec(value);
      return time ? `${day} ${time[1]}` : day;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(String).join('、');
  return JSON.stringify(value);
}
