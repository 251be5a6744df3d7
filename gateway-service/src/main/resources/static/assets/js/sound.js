// A short chime made with Web Audio (no sound file), and a mute switch remembered in localStorage.

export class Chime {
  constructor(storageKey) {
    this.storageKey = storageKey;
    this.context = null;
    this.played = 0;
  }

  get muted() {
    return localStorage.getItem(this.storageKey) === 'true';
  }

  set muted(value) {
    localStorage.setItem(this.storageKey, String(Boolean(value)));
  }

  /** Browsers allow audio only after a user gesture: create the context on the first one. */
  unlockOnFirstGesture() {
    const unlock = () => {
      this.audioContext();
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
  }

  play() {
    if (this.muted) {
      return;
    }
    const context = this.audioContext();
    if (!context) {
      return;
    }
    const start = context.currentTime;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
    gain.connect(context.destination);
    [880, 1320].forEach((frequency, i) => {
      const tone = context.createOscillator();
      tone.type = 'sine';
      tone.frequency.setValueAtTime(frequency, start + i * 0.09);
      tone.connect(gain);
      tone.start(start + i * 0.09);
      tone.stop(start + 0.35);
    });
    this.played++;
    document.body.dataset.chimes = String(this.played);
  }

  audioContext() {
    if (!this.context) {
      const AudioContextClass = window.AudioContext || window.webkitAudioContext;
      if (!AudioContextClass) {
        return null;
      }
      this.context = new AudioContextClass();
    }
    if (this.context.state === 'suspended') {
      this.context.resume().catch(() => {});
    }
    return this.context;
  }
}

/** Wires a toggle button (aria-pressed = muted) to a chime. */
export function bindMuteButton(button, chime) {
  const render = () => {
    const muted = chime.muted;
    button.setAttribute('aria-pressed', String(muted));
    button.textContent = muted ? 'Sound off' : 'Sound on';
    button.title = muted ? 'Turn the new-message sound on' : 'Mute the new-message sound';
  };
  button.addEventListener('click', () => {
    chime.muted = !chime.muted;
    render();
  });
  render();
}
