/**
 * Photos and signatures as attachments: the file is the request body (POST /api/v1/attachments),
 * the answer its id. A camera photo is made smaller on the device first (the longest side at most
 * 1600 px, JPEG), so it goes quickly over a warehouse Wi-Fi and stays far below the 10 MiB limit.
 */
import { useState } from 'react';
import './photos.css';
import { ApiError, NetworkError, type paths } from '../../../shared/api';

type Attachment = paths['/api/v1/attachments']['post']['responses'][201]['content']['application/json'];
const MAX_SIDE = 1600;

export async function uploadAttachment(blob: Blob, filename: string): Promise<Attachment> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/attachments?filename=${encodeURIComponent(filename)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': blob.type },
      body: blob,
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError({ ...(body && typeof body === 'object' ? body : {}), status: res.status });
  return body as Attachment;
}

/** The photo at most MAX_SIDE px on its longest side, as JPEG; the file itself when it cannot be decoded here. */
export async function shrinkPhoto(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size < 1_500_000 && /^image\/(jpeg|png|webp)$/.test(file.type)) return file;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ?? file;
  } catch {
    return file;
  }
}

export const attachmentUrl = (id: number) => `/api/v1/attachments/${id}/content`;

/**
 * "Take photo": the device camera (or a file on a desk), uploaded at once; the photos taken so far
 * as thumbnails, each removable. Labels come from the screen using it.
 */
export function PhotoPicker({
  ids,
  onChange,
  labels,
}: {
  ids: number[];
  onChange(ids: number[]): void;
  labels: { take: string; uploading: string; remove: (n: number) => string; failed: (detail: string) => string; photo: (n: number) => string };
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    const added: number[] = [];
    try {
      for (const file of Array.from(files)) {
        const blob = await shrinkPhoto(file);
        added.push((await uploadAttachment(blob, file.name || 'photo.jpg')).id);
      }
    } catch (err) {
      setError(labels.failed(err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
      if (added.length) onChange([...ids, ...added]);
    }
  };
  return (
    <div className="fl-photos">
      <label className="fl-btn secondary fl-photo-take">
        {busy ? labels.uploading : labels.take}
        <input type="file" accept="image/*" capture="environment" multiple disabled={busy} onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
      </label>
      {error && (
        <div className="fl-feedback bad" role="alert">
          {error}
        </div>
      )}
      {ids.length > 0 && (
        <ul className="fl-thumbs">
          {ids.map((id, i) => (
            <li key={id}>
              <img src={attachmentUrl(id)} alt={labels.photo(i + 1)} />
              <button type="button" aria-label={labels.remove(i + 1)} onClick={() => onChange(ids.filter((x) => x !== id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
