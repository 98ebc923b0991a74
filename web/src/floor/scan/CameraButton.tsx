/**
 * Reads a barcode with the camera where the browser has BarcodeDetector (Chrome on Android);
 * elsewhere the button is not shown and the scanner or the keyboard is the way in.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../shared/i18n';
import { useScanDispatch } from './ScanProvider';

type Detected = { rawValue: string };
type Detector = { detect(source: HTMLVideoElement): Promise<Detected[]> };
type DetectorClass = new (opts?: { formats?: string[] }) => Detector;

function detectorClass(): DetectorClass | null {
  const w = globalThis as unknown as { BarcodeDetector?: DetectorClass };
  return typeof w.BarcodeDetector === 'function' ? w.BarcodeDetector : null;
}

export function CameraButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!detectorClass()) return null;
  return (
    <>
      <button type="button" className="fl-btn secondary fl-camera" onClick={() => setOpen(true)}>
        {t('scan.camera')}
      </button>
      {open && <CameraView onClose={() => setOpen(false)} />}
    </>
  );
}

function CameraView({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dispatch = useScanDispatch();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const Ctor = detectorClass();
    if (!Ctor) return;
    const detector = new Ctor();
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const loop = async () => {
      if (stopped || !video.current) return;
      const found = await detector.detect(video.current).catch(() => []);
      const code = found[0]?.rawValue;
      if (code) {
        dispatch(code);
        onClose();
        return;
      }
      timer = setTimeout(() => void loop(), 200);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (!video.current || stopped) return;
        video.current.srcObject = s;
        await video.current.play();
        void loop();
      })
      .catch(() => setError(t('scan.cameraDenied')));
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [dispatch, onClose, t]);

  return (
    <div className="fl-camera-view" role="dialog" aria-label={t('scan.camera')}>
      {error ? <div className="fl-feedback bad" role="alert">{error}</div> : <video ref={video} muted playsInline />}
      <button type="button" className="fl-btn" onClick={onClose}>
        {t('app.close')}
      </button>
    </div>
  );
}
