// Field type → the component that renders it (group and repeat are structural and rendered by the editor itself).
import type { ComponentType } from 'react';
import type { FieldType } from '../../engine/types.ts';
import { BooleanField } from './BooleanField.tsx';
import { DateField, DateTimeField, TimeField } from './DateTimeFields.tsx';
import { GeopointField } from './GeopointField.tsx';
import { GeoshapeField } from './GeoshapeField.tsx';
import { NoteField } from './NoteField.tsx';
import { DecimalField, IntegerField } from './NumberField.tsx';
import { OcrTextField } from './OcrTextField.tsx';
import { PhotoField } from './PhotoField.tsx';
import { SelectMultipleField } from './SelectMultipleField.tsx';
import { SelectOneField } from './SelectOneField.tsx';
import { SignatureField } from './SignatureField.tsx';
import { TextField } from './TextField.tsx';
import { TimestampField } from './TimestampField.tsx';
import type { FieldProps } from './types.ts';

export interface FieldWidget {
  component: ComponentType<FieldProps>;
  /** The widget is one input with id=inputId, so the field's <label> can point at it. */
  labelsInput: boolean;
}

export const FIELD_WIDGETS: Record<Exclude<FieldType, 'group' | 'repeat'>, FieldWidget> = {
  text: { component: TextField, labelsInput: true },
  ocr_text: { component: OcrTextField, labelsInput: true },
  integer: { component: IntegerField, labelsInput: true },
  decimal: { component: DecimalField, labelsInput: true },
  date: { component: DateField, labelsInput: true },
  time: { component: TimeField, labelsInput: true },
  datetime: { component: DateTimeField, labelsInput: true },
  select_one: { component: SelectOneField, labelsInput: false },
  select_multiple: { component: SelectMultipleField, labelsInput: false },
  boolean: { component: BooleanField, labelsInput: false },
  geopoint: { component: GeopointField, labelsInput: false },
  geoshape: { component: GeoshapeField, labelsInput: false },
  photo: { component: PhotoField, labelsInput: false },
  signature: { component: SignatureField, labelsInput: false },
  note: { component: NoteField, labelsInput: false },
  timestamp: { component: TimestampField, labelsInput: false },
};
