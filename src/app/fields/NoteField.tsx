// note: text to read, no value (the label and hint are rendered by the field frame).
export function NoteField() {
  return null;
}
