/**
 * The customer signs on the screen with a finger, a stylus or a mouse (pointer events). The
 * canvas has the device's pixel density, so the PNG it gives is sharp on a phone.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

export type SignatureHandle = { toPng(): Promise<Blob | null>; clear(): void };

export const SignaturePad = forwardRef<SignatureHandle, { label: string; onChange(signed: boolean): void }>(function SignaturePad({ label, onChange }, ref) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const signed = useRef(false);

  const context = () => canvas.current?.getContext('2d') ?? null;
  const clear = () => {
    const c = canvas.current;
    const ctx = context();
    if (!c || !ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    signed.current = false;
    onChange(false);
  };

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(c.clientWidth * ratio);
    c.height = Math.round(c.clientHeight * ratio);
    const ctx = context();
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#000';
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
  }, []);

  useImperativeHandle(ref, () => ({
    toPng: () => new Promise((resolve) => (canvas.current && signed.current ? canvas.current.toBlob(resolve, 'image/png') : resolve(null))),
    clear,
  }));

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return (
    <canvas
      ref={canvas}
      className="fl-signature"
      role="img"
      aria-label={label}
      data-testid="signature-pad"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        last.current = point(e);
        const ctx = context();
        if (!ctx) return;
        ctx.beginPath();
        ctx.arc(last.current.x, last.current.y, 1.2, 0, Math.PI * 2);
        ctx.fillStyle = '#000';
        ctx.fill();
      }}
      onPointerMove={(e) => {
        const from = last.current;
        const ctx = context();
        if (!from || !ctx) return;
        const to = point(e);
        ctx.beginPath();
        ctx.moveTo(from.x, from.y);
        ctx.lineTo(to.x, to.y);
        ctx.stroke();
        last.current = to;
        if (!signed.current) {
          signed.current = true;
          onChange(true);
        }
      }}
      onPointerUp={() => (last.current = null)}
      onPointerCancel={() => (last.current = null)}
    />
  );
});
