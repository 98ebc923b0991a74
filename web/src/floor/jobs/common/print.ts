/** The documents print from the browser's own PDF viewer. */
export function openPdf(path: string) {
  window.open(path, '_blank', 'noopener');
}
