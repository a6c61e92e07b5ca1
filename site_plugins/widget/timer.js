// The hold timer for a measure in seconds: a 3-2-1 start, a countdown to the pass mark and a
// count past it, a beep and a buzz at the mark, spoken counts when the runner turns them on, a
// live region for screen readers. Stopping puts the time held into the field.

import { h } from "./dom.js";
import { fill } from "./words.js";

/** Settings shared by every timer on the page (the runner's choice, kept for the session). */
export const timerSettings = { speak: false };

/** @type {AudioContext | null} */
let audio = null;

/** A short beep where Web Audio is allowed. @param {number} [hz] @param {number} [ms] */
function beep(hz = 880, ms = 150) {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = 0.15;
    osc.frequency.value = hz;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + ms / 1000);
  } catch {
    // no audio on this device: the screen and the live region still show the count
  }
}

/** @param {number | number[]} pattern */
const buzz = (pattern) => navigator.vibrate?.(pattern);

/** @param {string} text */
function say(text) {
  if (!timerSettings.speak || !("speechSynthesis" in globalThis)) return;
  speechSynthesis.cancel();
  speechSynthesis.speak(new SpeechSynthesisUtterance(text));
}

/**
 * A timer bound to one input. `mark` is the pass mark in seconds (the article's 10 s).
 * @param {HTMLInputElement} input @param {number} mark @param {string} label the measure's label
 * @param {any} w the widget's words (the catalog's `words.widget`)
 * @returns {HTMLElement}
 */
export function holdTimer(input, mark, label, w) {
  const display = h("span", { class: "timer-display", "aria-hidden": "true" }, ["0.0 s"]);
  const live = h("span", { class: "visually-hidden", role: "status", "aria-live": "assertive" });
  const start = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "timer-start" }, [w.start_timer]));
  const stop = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "timer-stop", hidden: true }, [w.stop]));
  const speak = /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", class: "timer-speak" }));
  speak.checked = timerSettings.speak;
  speak.addEventListener("change", () => { timerSettings.speak = speak.checked; });
  const box = h("div", { class: "timer", role: "group", "aria-label": w.hold_timer, "data-measure": label }, [
    start, stop, display, h("label", { class: "timer-speak-label" }, [speak, ` ${w.speak_count}`]), live,
  ]);

  /** @type {ReturnType<typeof setInterval> | undefined} */ let tick;
  let began = 0;
  let lastSecond = -1;
  /** @param {string} text */
  const announce = (text) => { live.textContent = text; say(text); };

  function reset() {
    clearInterval(tick);
    box.classList.remove("running", "counting-in", "past");
    start.hidden = false;
    stop.hidden = true;
  }

  start.addEventListener("click", () => {
    reset();
    start.hidden = true;
    stop.hidden = false;
    stop.textContent = w.cancel;
    box.classList.add("counting-in");
    stop.focus();
    let n = 3;
    const countIn = () => {
      if (n > 0) {
        display.textContent = String(n);
        announce(String(n));
        beep(660, 80);
        n--;
        return;
      }
      clearInterval(tick);
      box.classList.replace("counting-in", "running");
      stop.textContent = w.stop;
      announce(w.go);
      beep(990, 200);
      buzz(100);
      began = performance.now();
      lastSecond = 0;
      display.textContent = fill(w.seconds_to_go, { seconds: mark });
      tick = setInterval(update, 100);
    };
    countIn();
    tick = setInterval(countIn, 1000);
  });

  function update() {
    const held = (performance.now() - began) / 1000;
    const second = Math.floor(held);
    const left = mark - held;
    display.textContent = left > 0 ? fill(w.seconds_to_go, { seconds: Math.ceil(left) }) : fill(w.past_mark, { seconds: second, mark });
    if (second === lastSecond) return;
    lastSecond = second;
    if (second === mark) {
      box.classList.add("past");
      announce(fill(w.at_mark, { mark }));
      beep(1320, 300);
      buzz([150, 80, 150]);
    } else if (second < mark && mark - second <= 3) {
      announce(String(mark - second));
    } else if (second % 5 === 0) {
      announce(fill(w.seconds, { seconds: second }));
    }
  }

  stop.addEventListener("click", () => {
    const wasRunning = box.classList.contains("running");
    reset();
    start.focus();
    if (!wasRunning) {
      display.textContent = "0.0 s";
      announce(w.timer_cancelled);
      return;
    }
    const held = Math.round(((performance.now() - began) / 1000) * 10) / 10;
    display.textContent = `${held.toFixed(1)} s`;
    announce(fill(w.stopped_at, { seconds: held.toFixed(1) }));
    input.value = held.toFixed(1);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return box;
}
