/** The pieces every job screen is made of: its title bar, the prompt of what to scan, the answer. */
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from '../shared/i18n';
import { CameraButton } from './scan/CameraButton';
import { signal, type Tone } from './scan/signal';
import { go } from './router';
import { useRefocusScan } from './scan/ScanProvider';

export type Message = { tone: Tone; text: string; language: string };

/**
 * The last answer on screen, with its tone and vibration played as it is set. It is text in the
 * language it was said in, so it is not shown once the operator switches language (the prompt,
 * in the new language, says what to do next).
 */
export function useFeedback(): [Message | null, (tone: Tone, text: string) => void] {
  const { i18n } = useTranslation();
  const [message, setMessage] = useState<Message | null>(null);
  const say = useCallback(
    (tone: Tone, text: string) => {
      signal(tone);
      setMessage({ tone, text, language: i18n.language });
    },
    [i18n],
  );
  return [message && message.language === i18n.language ? message : null, say];
}

export function Feedback({ message }: { message: Message | null }) {
  if (!message) return null;
  return (
    <div className={`fl-feedback ${message.tone}`} role={message.tone === 'bad' ? 'alert' : 'status'} data-testid="feedback">
      {message.text}
    </div>
  );
}

/** A job screen: its name, a way back, then what to do. */
export function JobScreen({ title, back = '/floor', children }: { title: string; back?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="fl-job" aria-label={title}>
      <div className="fl-jobbar">
        <button type="button" className="fl-back" onClick={() => go(back)} aria-label={t('app.back')}>
          ‹
        </button>
        <h2>{title}</h2>
      </div>
      {children}
    </section>
  );
}

/** What to scan next, big, with the camera as the other way to read it. */
export function Prompt({ text, message }: { text: string; message: Message | null }) {
  return (
    <div className="fl-card">
      <p className="fl-prompt" data-testid="prompt">
        {text}
      </p>
      <Feedback message={message} />
      <CameraButton />
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <p className="fl-muted">{t('app.loading')}</p>;
}

export function ErrorLine({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="fl-feedback bad" role="alert">
      {error instanceof Error ? error.message : t('app.error')}
    </div>
  );
}

/**
 * A code typed instead of scanned (a worn label, a number read off a parcel): one field and a
 * button, sent down the same path as a scan; the scan input takes the focus back after.
 */
export function TypedCode({ label, submit, onCode, primary = false, maxLength, autoCapitalize }: { label: string; submit: string; onCode: (code: string) => unknown; primary?: boolean; maxLength?: number; autoCapitalize?: string }) {
  const [typed, setTyped] = useState('');
  const refocus = useRefocusScan();
  return (
    <form
      className="fl-card"
      onSubmit={(e) => {
        e.preventDefault();
        const code = typed.trim();
        if (code) void onCode(code);
        setTyped('');
        refocus();
      }}
    >
      <label className="fl-field">
        <span>{label}</span>
        <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" maxLength={maxLength} autoCapitalize={autoCapitalize} required={primary} />
      </label>
      <button type="submit" className={primary ? 'fl-btn' : 'fl-btn secondary'}>
        {submit}
      </button>
    </form>
  );
}
