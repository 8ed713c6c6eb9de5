// A short low tone for a code the screen cannot take: the custodian looks at the labels, not at the screen.
// Drawn by Web Audio (no sound files); without an audio device it stays silent.

let context: AudioContext | null = null;

export function beepUnknown(): void {
  try {
    context ??= new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = 220;
    gain.gain.value = 0.08;
    oscillator.connect(gain).connect(context.destination);
    const now = context.currentTime;
    gain.gain.setValueAtTime(0.08, now + 0.16);
    gain.gain.linearRampToValueAtTime(0, now + 0.2);
    oscillator.start(now);
    oscillator.stop(now + 0.2);
  } catch {
    // No audio here: the message says it all.
  }
}
