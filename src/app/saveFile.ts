// Hands a Blob (or text) to the browser as a download (a temporary object URL on a hidden link); works offline. Used by the field app and the back office.

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; a short delay keeps old browsers from cancelling it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveText(text: string, fileName: string, mime = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([text], { type: mime }), fileName);
}
