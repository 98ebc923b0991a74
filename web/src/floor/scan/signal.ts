/**
 * How a scan answers at once: a short high tone for good, a low longer tone and a vibration for
 * bad. Web Audio, so no sound files to download; silent where the browser forbids sound.
 */
let audio: AudioContext | null = null;

function tone(frequency: number, ms: number, type: OscillatorType) {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = type;
    osc.frequency.value = frequency;
    gain.gain.value = 0.15;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + ms / 1000);
  } catch {
    /* no audio on this device */
  }
}

export type Tone = 'ok' | 'bad' | 'info';

export function signal(kind: Tone) {
  if (kind === 'ok') tone(1320, 70, 'sine');
  else if (kind === 'bad') {
    tone(180, 350, 'square');
    if (typeof navigator !== 'undefined' && 'vibrate' in navigator) navigator.vibrate([120, 60, 120]);
  }
}
