/** The documents print from the browser's own PDF viewer. */
export function openPdf(path: string) {
  window.open(path, '_blank', 'noopener');
}

/**
 * A document that has to be asked for with a body (the voucher slip: the code is kept only hashed,
 * so the slip is printed from the one on screen). The window opens at the tap, so the browser does
 * not take it for a popup; the PDF arrives in it when the server answers. Answers the refusal's
 * text when the server says no, '' when it cannot be reached (and closes the window), null when printed.
 */
export async function openPdfPosted(path: string, body: unknown): Promise<string | null> {
  const win = window.open('', '_blank');
  const res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => null);
  if (!res?.ok) {
    win?.close();
    const problem = (await res?.json().catch(() => null)) as { detail?: string } | null;
    return problem?.detail ?? '';
  }
  const url = URL.createObjectURL(await res.blob());
  if (win) win.location.href = url;
  else window.location.href = url;
  return null;
}
