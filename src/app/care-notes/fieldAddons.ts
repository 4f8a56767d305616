// Extra controls the editor shows under a field of a given form (today: the 特記事項 template picker under tokki_text of the 認定調査票).
import type { ComponentType } from 'react';
import { CARE_ASSESSMENT_FORM_ID, TOKKI } from '../../documents/care-assessment-form.ts';
import { TokkiTemplatePicker, type TokkiTemplatePickerProps } from './TokkiTemplatePicker.tsx';

export type FieldAddon = ComponentType<TokkiTemplatePickerProps>;

export function fieldAddon(formId: string, fieldId: string): FieldAddon | null {
  return formId === CARE_ASSESSMENT_FORM_ID && fieldId === TOKKI.text ? TokkiTemplatePicker : null;
}
