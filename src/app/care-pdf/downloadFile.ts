// Hands a Blob to the browser as a download named `fileName` (a temporary object URL on a hidden link); works offline.

export function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; revoking later keeps slow browsers from cancelling it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
