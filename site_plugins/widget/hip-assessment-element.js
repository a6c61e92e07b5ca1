// <hip-assessment>: the guided self-assessment, judged in the browser by hipcore on Pyodide.
//
// Attributes (mirrored as properties; each handled on its own, at any time):
//   tests   space-separated assessment ids to show; empty shows every test in the catalog
//   src     base URL of the hipguide assets (catalog.json, manifest.json, widget/, pyodide/);
//           defaults to the folder above this module, so a cross-origin <script> works when the guide
//           serves its assets with CORS (the worker then starts from a same-origin blob module:
//           see docs/embedding.md for the headers and the CSP)
//   exercise-href  where an exercise's name links, with {slug} for the exercise (hip-bridge);
//           defaults to the guide's own pages ("<src>/../../../exercises/{slug}/": src is the
//           bundle's versioned folder, assets/hipguide/<version>/);
//           "none" shows names without links
//   units   "metric", "imperial", or unit ids of the catalog (cm, in), in order of preference:
//           the unit a measure shows first where it accepts several; empty: the content's own.
//           A value keeps the unit it was typed in (a new `units` never changes its meaning)
//   theme   light | dark | auto (default): auto follows the guide's palette switch on the guide's
//           pages (mkdocs-material), else the system (prefers-color-scheme). Drawn as
//           data-scheme="light|dark"
//   date-language  the BCP 47 tag (en-GB, de) every date shown is written in: the history, the
//           charts, the rescreen dates, the calendar file's text; default: the element's lang
//           (inherited: the page's), else the browser's language
//   An invalid value (theme="blue", units="furlongs", date-language="not a tag") is reported once
//   with console.warn and ignored: the attribute reads as if absent; no answer is lost.
// Properties: tests (array), src, exerciseHref, units (the preferred unit ids, array), theme,
//   dateLanguage (each the value in use; setting one sets its attribute);
//   results the results document of the answers so far (get), or one to restore (set)
// Styling (docs/embedding.md): the --hip-* custom properties of hip-assessment.css, and the
//   parts of parts.js: body, step, heading, progress, progress-fill, field, choice,
//   choice-checked, button, primary, result, status, timer, exercise-link, calendar-link. Host
//   CSS reaches nothing else: the widget's box starts from `all: initial`, its sizes are in em.
// Performance marks (for the benchmark and real-user timing): hip-assessment:interactive (first
// step drawn), hip-assessment:engine-start, hip-assessment:engine-ready.
// State is exposed as data-state="idle|loading|ready|error" (the engine) for styling and tests,
// data-step="prescreen|<test id>|review|result|history" (where the runner is), and
// data-scheme="light|dark" (the colours drawn, from `theme`).
// Events (bubbling, composed; data in `detail`):
//   hip-assessment-loadstart, hip-assessment-load, hip-assessment-error, hip-assessment-loadend
//     the engine's start-up, in the order of <img>; -error carries {message}
//   hip-assessment-progress   {stage}                     a start-up stage began (protocol.js)
//   hip-assessment-change     {results}                   an answer changed
//   hip-assessment-result     {results, reply}            the engine answered (ok or errors)
//   hip-assessment-complete   {results, prescription}     a finished assessment's program
// Methods: loadRuntime() (all runtime loading sits behind it, so tests can replace it),
//   assess(results).
//
// The engine (a worker running Pyodide) is shared by every element with the same src and
// starts only when an element is first seen or touched (engines.js); the catalog alone drives
// the form, so the runner can start before Python is ready.

import { catalogUnits, readDateLanguage, readTheme, readUnits, schemeOf } from "./attributes.js";
import { dateWriter } from "./dates.js";
import { acquire, catalogFor, compileKeptRuntime, prepare, release } from "./engines.js";
import { historyView } from "./history-view.js";
import { exportFile, mergeImport, openRecord, sealRecord } from "./records.js";
import { calendarFile } from "./calendar.js";
import { fill } from "./words.js";
import { renderReply } from "./report.js";
import { h } from "./dom.js";
import { prescreenStep, progressBar, reviewStep, syncSide, testStep } from "./flow.js";
import { markParts } from "./parts.js";
import {
  emptyState, fieldOfPath, fieldValue, fromResults, localDate, prescreenDone, problems, redFlagsRaised,
  selectedTests, shownUnit, sideOf, stepOfField, toResults, withField, withSkipped,
} from "./state.js";
import { answered, clearDraft, HistoryStore, keepUnanswered, loadDraft, ranEngineBefore, rememberEngine, saveDraft, unanswered } from "./storage.js";

const DEFAULT_SRC = new URL("../", import.meta.url).href;
/** The guide's root, seen from src: the bundle is assets/hipguide/<version>/ (site_plugins/bundle/version.py). */
const GUIDE_ROOT = "../../../";
/** The widget's words for each start-up stage. @type {Record<string, string>} */
const STAGE_WORDS = { runtime: "starting_runtime", filesystem: "installing_engine", engine: "loading_engine" };

/** @typedef {import("./protocol.js").EngineClient} EngineClient */

/** A new history record's id. */
const recordId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** @type {Map<string, Promise<{style: string, blocks: Record<string, string>}>>} */
const figureFiles = new Map();
/** Shadow roots that already have the figures' stylesheet. @type {WeakSet<ShadowRoot>} */
const figureSheets = new WeakSet();

export class HipAssessmentElement extends HTMLElement {
  static observedAttributes = ["tests", "src", "exercise-href", "units", "theme", "date-language"];

  /** @type {Promise<EngineClient> | null} */ #loading = null;
  /** @type {string | null} */ #engineSrc = null;
  /** @type {any} */ #catalog = null;
  /** @type {string} */ #catalogText = "";
  /** @type {string | null} */ #catalogSrc = null;
  /** @type {Record<string, string>} */ #figures = {};
  #state = emptyState();
  /** @type {Record<string, string>} */ #errors = {};
  /** @type {string[]} */ #engineErrors = [];
  /** @type {any} */ #reply = null;
  /** @type {string[]} */ #notices = [];
  #built = false;
  #wanted = false;
  /** @type {(value?: unknown) => void} */ #nowWanted = () => {};
  /** Resolves once the engine is wanted (the widget seen or touched): no start before that. */
  #wantedSoon = new Promise((resolve) => { this.#nowWanted = resolve; });
  /** @type {IntersectionObserver | null} */ #observer = null;
  /** @type {IntersectionObserver | null} */ #figuresSeen = null;
  #history = new HistoryStore();
  /** The runs being answered and saved: the history waits for them. @type {Set<Promise<void>>} */
  #saves = new Set();
  #historyOn = true;
  /** Finished runs are saved on this device (the pre-screen then offers the history). */
  #hasRecords = false;
  /** The invalid value last reported, per attribute (each reported once). @type {Map<string, string>} */
  #warned = new Map();
  /** @type {MediaQueryList | null} */ #systemDark = null;
  /** @type {MutationObserver | null} */ #palette = null;
  #onScheme = () => this.#applyScheme();

  get tests() {
    return (this.getAttribute("tests") ?? "").split(/\s+/).filter(Boolean);
  }
  set tests(value) {
    this.setAttribute("tests", Array.isArray(value) ? value.join(" ") : String(value));
  }
  get src() {
    return new URL(this.getAttribute("src") || DEFAULT_SRC, document.baseURI).href.replace(/\/?$/, "/");
  }
  set src(value) {
    this.setAttribute("src", value);
  }
  get exerciseHref() {
    return this.getAttribute("exercise-href") ?? `${new URL(`${GUIDE_ROOT}exercises/`, this.src).href}{slug}/`;
  }
  set exerciseHref(value) {
    this.setAttribute("exercise-href", value);
  }
  /** The unit ids a measure shows first where it accepts several ("imperial" reads ["in"]). */
  get units() {
    return readUnits(this.getAttribute("units"), this.#catalog ? catalogUnits(this.#catalog) : null).value;
  }
  set units(value) {
    this.setAttribute("units", Array.isArray(value) ? value.join(" ") : String(value));
  }
  /** "light", "dark" or "auto" (the default; an invalid attribute reads "auto"). */
  get theme() {
    return readTheme(this.getAttribute("theme")).value;
  }
  set theme(value) {
    this.setAttribute("theme", value);
  }
  /** The language tag the widget writes dates in (the attribute, else the element's lang, else the browser's). */
  get dateLanguage() {
    return readDateLanguage(this.getAttribute("date-language"), this.#defaultLanguages()).value;
  }
  set dateLanguage(value) {
    this.setAttribute("date-language", value);
  }
  /** The results document of the answers so far. */
  get results() {
    return this.#catalog ? toResults(this.#catalog, this.#state, this.tests, localDate()) : null;
  }
  set results(value) {
    if (!this.#catalog) throw new Error("hip-assessment: the catalog is not loaded yet (wait for data-step)");
    this.#setState(fromResults(this.#catalog, value));
    this.#render();
  }

  connectedCallback() {
    this.#watchScheme();
    if (!this.#built) {
      this.#built = true;
      const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      root.innerHTML = `<link rel="stylesheet" href="${new URL("widget/hip-assessment.css", this.src)}">
        <div part="body" class="hip"><p class="status" role="status"></p><div class="view"><p>Loading the self-assessment…</p></div>
        <p class="engine" aria-live="polite"></p></div>`;
      root.addEventListener("click", (e) => this.#onClick(e));
      root.addEventListener("input", (e) => this.#onInput(e));
      root.addEventListener("change", (e) => this.#onInput(e));
      // The first touch starts the engine, even before the element is seen (keyboard users).
      for (const type of ["focusin", "pointerdown"]) root.addEventListener(type, () => this.#want(), { passive: true });
      markParts(root);
      this.#check("theme");
      this.#check("date-language");
      this.#loadCatalog();
    }
    this.#observe();
    if (this.#engineSrc && this.#loading) acquire(this.#engineSrc, this, this.#catalogText, this.#quietListener());
    // A runner back on a device that ran the engine: its worker is made now, idle (no runtime is
    // read until the widget is seen or touched), so the engine starts that much sooner then.
    else if (ranEngineBefore(this.src)) prepare(this.src);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#systemDark?.removeEventListener("change", this.#onScheme);
    this.#palette?.disconnect();
    if (this.#engineSrc) release(this.#engineSrc, this);
  }

  /** @param {string} name @param {string | null} old @param {string | null} value */
  attributeChangedCallback(name, old, value) {
    if (old === value || !this.#built) return;
    if (name === "theme") {
      this.#check(name);
      this.#applyScheme();
    } else if (name === "units") {
      if (this.#catalog) this.#check(name);
      this.#showUnits();
    } else if (name === "date-language") {
      this.#check(name);
      if (this.#catalog && ["result", "history"].includes(this.#state.step)) this.#render(false);
    } else if (name === "src") {
      if (this.#engineSrc) release(this.#engineSrc, this);
      this.#engineSrc = null;
      this.#loading = null;
      this.#catalog = null;
      delete this.dataset.state;
      const link = this.shadowRoot?.querySelector("link");
      link?.setAttribute("href", new URL("widget/hip-assessment.css", this.src).href);
      this.#loadCatalog();
    } else if (name === "exercise-href" && this.#state.step === "result") {
      this.#render();
    } else if (name === "tests" && this.#catalog) {
      if (!["prescreen", "review", "result", "history", ...this.#order()].includes(this.#state.step)) {
        this.#setState({ ...this.#state, step: "prescreen" });
      }
      this.#render();
    }
  }

  /**
   * Start (or join) the engine for this element's src. Replaceable in tests.
   * @returns {Promise<EngineClient>}
   */
  loadRuntime() {
    if (this.#loading) return this.#loading;
    const src = this.src;
    this.#engineSrc = src;
    this.dataset.state = "loading";
    performance.mark("hip-assessment:engine-start");
    this.#emit("loadstart");
    this.#loading = new Promise((resolve, reject) => {
      acquire(src, this, this.#catalogText, {
        progress: (stage) => {
          this.#engineStatus((this.#catalog && STAGE_WORDS[stage] && this.#words()[STAGE_WORDS[stage]]) || "");
          this.#emit("progress", { stage });
        },
        ready: (client, hello) => {
          if (this.#engineSrc !== src) return;
          this.dataset.state = "ready";
          performance.mark("hip-assessment:engine-ready");
          this.#engineStatus("");
          this.#emit("load");
          this.#emit("loadend");
          resolve(client);
          this.#cacheRuntime(src, hello.start);
          rememberEngine(src);
        },
        failed: (error) => {
          if (this.#engineSrc !== src) return;
          this.dataset.state = "error";
          this.#loading = null;
          this.#engineSrc = null;
          release(src, this);
          // Before the catalog (a host calling loadRuntime() at once) there are no words but the reason.
          this.#showStatus(this.#catalog ? fill(this.#words().engine_could_not_start, { reason: error.message }) : error.message, true);
          this.#engineStatus("");
          this.#emit("error", { message: error.message });
          this.#emit("loadend");
          reject(error);
        },
      });
    });
    this.#loading.catch(() => {});
    return this.#loading;
  }

  /**
   * Judge a results document; resolves to hipcore's reply.
   * @param {object} results
   */
  async assess(results) {
    const engine = await this.loadRuntime();
    return engine.request("assess", results);
  }

  // --- loading ---------------------------------------------------------------------------------

  async #loadCatalog() {
    const src = this.src;
    this.#catalogSrc = src;
    try {
      const { text, catalog } = await catalogFor(src);
      if (this.#catalogSrc !== src) return;
      this.#catalog = catalog;
      this.#catalogText = text;
    } catch (error) {
      if (this.#catalogSrc !== src) return;
      this.dataset.state = "error";
      // With no catalog there are no words from content: this and the loading line are the
      // only sentences the widget words itself.
      this.#showStatus(`The self-assessment could not load (${/** @type {Error} */ (error).message}).`, true);
      this.#emit("error", { message: String(/** @type {Error} */ (error).message) });
      return;
    }
    this.#check("units");
    const draft = loadDraft(this.#draftKey(), (reason) => this.#notices.push(fill(this.#words().draft_set_aside, { reason })));
    if (draft) this.#state = draft.state;
    if (!this.dataset.state) this.dataset.state = "idle";
    this.#render(false);
    this.#history.available().then((on) => { this.#historyOn = on; });
    // A runner back after a finished run starts at the pre-screen: it offers their history
    // once the device is found to hold some (not drawn again under their hands).
    this.#history.count().then((n) => {
      this.#hasRecords = n > 0;
      if (n > 0 && this.#state.step === "prescreen" && !this.shadowRoot?.activeElement) this.#render(false);
    }, () => {});
    // A date formatter takes tens of milliseconds to make (a page's first Intl use): made in idle
    // time once the runner starts on the assessment, long before a result shows a date, not in
    // the task that draws the result, and not at all for a reader who never uses the widget.
    this.shadowRoot?.addEventListener("focusin", () => (globalThis.requestIdleCallback ?? setTimeout)(() => this.#writeDate()), { once: true });
    if (this.#wanted) this.loadRuntime();
    if (this.#state.step === "result") this.#submit();
    this.#answerUnanswered();
    this.#loadFigures(src);
  }

  async #loadFigures(/** @type {string} */ src) {
    let loading = figureFiles.get(src);
    if (!loading) {
      const none = { style: "", blocks: {} };
      loading = fetch(new URL("figures.json", src)).then((r) => (r.ok ? r.json() : none), () => none);
      figureFiles.set(src, loading);
    }
    const { style, blocks } = await loading;
    this.#figures = blocks;
    const root = this.shadowRoot;
    if (root && style && !figureSheets.has(root)) {
      // A constructed stylesheet: a host's CSP without style-src 'unsafe-inline' allows it.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(style);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      figureSheets.add(root);
    }
    const step = this.#state.step;
    if (this.#figures[step] && !this.shadowRoot?.querySelector(".figure")) this.#render(false);
  }

  #observe() {
    if (this.#loading || !("IntersectionObserver" in window)) return;
    this.#observer ??= new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#want();
    }, { rootMargin: "200px" });
    this.#observer.observe(this);
  }

  #want() {
    this.#observer?.disconnect();
    this.#wanted = true;
    this.#nowWanted();
    if (this.#catalog && !this.#loading) this.loadRuntime();
  }

  /** A listener for re-joining an engine this element already started (moved in the page). */
  #quietListener() {
    return { progress() {}, ready() {}, failed() {} };
  }

  /**
   * Ask the service worker (if any) to keep the runtime for offline use: the files of the path
   * the engine started by, not the other's. It answers once they are kept, and whether the
   * runtime's code still needs compiling from its copy (engines.js: compileKeptRuntime).
   * @param {string} src  the engine's bundle
   * @param {"snapshot" | "plain"} start
   */
  #cacheRuntime(src, start) {
    navigator.serviceWorker?.ready.then((registration) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => {
        channel.port1.close();
        if (event.data?.compile === true) compileKeptRuntime(src);
      };
      registration.active?.postMessage({ type: "hipguide-cache-runtime", start }, [channel.port2]);
    });
  }

  // --- the flow --------------------------------------------------------------------------------

  /** The widget's words, from the catalog (content/words.yaml). */
  #words() {
    return this.#catalog.words.widget;
  }

  #order() {
    return selectedTests(this.#catalog, this.tests).map((/** @type {any} */ a) => a.id);
  }

  #draftKey() {
    return this.tests.join("+") || "all";
  }

  /** @param {import("./state.js").FormState} state */
  #setState(state) {
    this.#state = state;
    saveDraft(this.#draftKey(), state);
  }

  /** @param {boolean} [focus] move focus to the new step's heading */
  #render(focus = true) {
    if (!this.#catalog || !this.shadowRoot) return;
    const view = /** @type {HTMLElement} */ (this.shadowRoot.querySelector(".view"));
    const ctx = {
      catalog: this.#catalog, state: this.#state, order: this.#order(), errors: this.#errors, figures: this.#figures, units: this.units,
      hasHistory: this.#hasRecords,
    };
    const step = this.#state.step;
    /** @type {HTMLElement} */ let content;
    if (step === "prescreen") content = prescreenStep(ctx);
    else if (step === "review") content = reviewStep(ctx, this.#engineErrors);
    else if (step === "result") content = this.#resultStep();
    else if (step === "history") {
      content = h("section", { class: "step", "data-step": "history" }, [h("h2", { class: "step-title", tabindex: "-1" }, [this.#words().your_history])]);
      this.#showHistory(focus);
    } else {
      const a = this.#catalog.assessments.find((/** @type {any} */ x) => x.id === step);
      content = a ? testStep(ctx, a) : prescreenStep(ctx);
    }
    const nodes = [content];
    if (!["result", "history"].includes(step)) nodes.unshift(progressBar(ctx));
    view.replaceChildren(...nodes);
    markParts(view);
    this.#moveFiguresWhileSeen(view);
    if (!this.dataset.step) performance.mark("hip-assessment:interactive");
    this.dataset.step = step;
    if (this.#notices.length && step !== "history") this.#showStatus(this.#notices.join(" "), true);
    if (focus) /** @type {HTMLElement | null} */ (view.querySelector(".step-title"))?.focus({ preventScroll: false });
  }

  /**
   * A figure moves only while it is on screen, once the page has loaded (figures/svg.py: each
   * frame of the motion is drawn by the main thread; without `hf-play` a figure is still).
   * @param {HTMLElement} view
   */
  #moveFiguresWhileSeen(view) {
    const figures = view.querySelectorAll("svg.hf");
    if (!figures.length || !("IntersectionObserver" in window)) return;
    const seen = this.#figuresSeen ??= new IntersectionObserver((entries) => {
      for (const entry of entries) entry.target.classList.toggle("hf-play", entry.isIntersecting);
    });
    const watch = () => figures.forEach((figure) => seen.observe(figure));
    if (document.readyState === "complete") watch();
    else addEventListener("load", watch, { once: true });
  }

  #resultStep() {
    const section = h("section", { class: "step", "data-step": "result" }, [h("h2", { class: "step-title", tabindex: "-1" }, [this.#words().your_result])]);
    const out = h("div", { class: "report", "aria-live": "polite" });
    if (this.#reply?.ok) {
      out.append(renderReply(this.#reply, this.#catalog, { exerciseHref: (id) => this.#exerciseLink(id), writeDate: this.#writeDate() }));
    } else if (this.dataset.state === "error") {
      const form = this.#catalog.words.form;
      const table = new URL(`${GUIDE_ROOT}self-assessment/#decision-table`, this.src).href;
      out.append(h("p", { class: "fallback" }, [`${form.engine_failed} `, h("a", { href: table }, [form.decision_table]), "."]));
    } else {
      // Before Python is ready: a red flag's advice is already in the catalog.
      const raised = redFlagsRaised(this.#catalog, this.#state);
      if (raised.length) out.append(h("ul", { class: "referrals-early" }, raised.map((/** @type {any} */ f) => h("li", {}, [f.reason]))));
      out.append(h("p", { class: "working" }, [this.#words().working_out]));
    }
    const done = this.#reply?.ok ? this.#reply.prescription : null;
    const calendar = done ? calendarFile(done, utcStamp(new Date()), this.#writeDate()) : null;
    section.append(out, h("div", { class: "actions" }, [
      ...(done ? [h("button", { type: "button", class: "secondary", "data-action": "print" }, [this.#words().print_page])] : []),
      ...(calendar ? [h("a", {
        class: "button secondary", download: "hip-program.ics", part: "calendar-link",
        href: `data:text/calendar;charset=utf-8,${encodeURIComponent(calendar)}`,
      }, [this.#words().add_to_calendar])] : []),
      h("button", { type: "button", class: "secondary", "data-action": "goto:review" }, [this.#words().back_to_answers]),
      h("button", { type: "button", class: "secondary", "data-action": "history" }, [this.#words().history]),
      h("button", { type: "button", class: "primary", "data-action": "restart" }, [this.#words().start_new]),
    ]));
    return section;
  }

  /** The page of an exercise, or null for no link. @param {string} id */
  #exerciseLink(id) {
    const template = this.exerciseHref;
    if (template === "none") return null;
    return template.replaceAll("{slug}", id.replaceAll("_", "-"));
  }

  /** @param {Event} event */
  #onInput(event) {
    const target = /** @type {HTMLInputElement} */ (event.target);
    const name = target.name;
    if (!name || !this.#catalog) return;
    if (name === "history-import") {
      if (event.type === "change" && target.files?.[0]) this.#importHistory(target.files[0]);
      return;
    }
    if (target.type === "radio" && event.type !== "change") return;
    if (target.type === "checkbox" && event.type !== "change") return;
    if (target.type === "text" && event.type !== "input") return;
    /** @type {string | boolean} */
    let value = target.value;
    if (target.type === "checkbox") value = target.checked;
    else if (target.type === "radio") value = target.value === "yes";
    let state = this.#state;
    const unitName = name.replace(".measure.", ".unit.");
    const unitShown = /** @type {HTMLSelectElement | null} */ (target.closest(".input-row")?.querySelector("select") ?? null);
    // A value is kept with the unit it was typed in, so a later `units` never changes its meaning.
    if (unitName !== name && unitShown && !fieldValue(state, unitName)) state = withField(state, unitName, unitShown.value);
    this.#setState(withField(state, name, value));
    if (target.type === "radio") markParts(/** @type {HTMLElement} */ (target.closest(".choices")));
    delete this.#errors[name];
    if (name.endsWith(".pain")) {
      const details = target.closest("fieldset")?.querySelector(".pain-details");
      if (details) /** @type {HTMLElement} */ (details).hidden = !target.checked;
    }
    const box = /** @type {HTMLElement | null} */ (target.closest("fieldset.side"));
    const [test, side] = name.split(".");
    const a = this.#catalog.assessments.find((/** @type {any} */ x) => x.id === test);
    if (box && a && side) syncSide(box, a, sideOf(this.#state, test, side));
    if (target.type === "text" || target.tagName === "SELECT") this.#checkField(name);
    this.#emit("change", { results: this.results });
  }

  /** Show the typed-value problem of one field (and of its measure, when the unit changes). */
  #checkField(/** @type {string} */ name) {
    const found = problems(this.#catalog, this.#state, this.tests);
    const valueName = name.replace(".unit.", ".measure.");
    for (const field of new Set([name, valueName])) this.#fieldMessage(field, found[field] ?? "");
  }

  /** @param {string} name @param {string} message */
  #fieldMessage(name, message) {
    const root = /** @type {ShadowRoot} */ (this.shadowRoot);
    const slot = root.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot) slot.textContent = message;
    const input = root.querySelector(`[name="${CSS.escape(name)}"]`);
    if (input && input.getAttribute("type") !== "radio") {
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }

  /** @param {Event} event */
  #onClick(event) {
    const button = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (event.target).closest("[data-action]"));
    if (!button || !this.#catalog) return;
    const action = button.dataset.action ?? "";
    const order = this.#order();
    const step = this.#state.step;
    /** @param {string} to @param {boolean} [finished] a finished run: it gets its history id */
    const go = (to, finished = false) => {
      this.#setState({ ...this.#state, step: to, ...(finished ? { record: recordId() } : {}) });
      this.#render();
    };
    if (action === "next") {
      if (step === "prescreen") {
        if (!prescreenDone(this.#catalog, this.#state)) {
          for (const f of this.#catalog.red_flags) {
            if (typeof this.#state.prescreen[f.id] !== "boolean") this.#errors[`prescreen.${f.id}`] = this.#words().answer_yes_or_no;
          }
          this.#render(false);
          /** @type {HTMLElement | null} */ (this.shadowRoot?.querySelector("[aria-invalid], .question:has(.field-error) input"))?.focus();
          return;
        }
        if (redFlagsRaised(this.#catalog, this.#state).length) {
          go("result", true);
          this.#submit();
          return;
        }
        return go(order[0] ?? "review");
      }
      const found = Object.entries(problems(this.#catalog, this.#state, [step]));
      if (found.length) {
        for (const [field, message] of found) this.#fieldMessage(field, message);
        /** @type {HTMLElement | null} */ (this.shadowRoot?.querySelector(`[name="${CSS.escape(found[0][0])}"]`))?.focus();
        return;
      }
      return go(order[order.indexOf(step) + 1] ?? "review");
    }
    if (action === "skip") {
      this.#setState(withSkipped(this.#state, step, true));
      return go(order[order.indexOf(step) + 1] ?? "review");
    }
    if (action === "back") {
      const at = step === "review" ? order.length : order.indexOf(step);
      return go(at > 0 ? order[at - 1] : "prescreen");
    }
    if (action.startsWith("goto:")) return go(action.slice(5));
    if (action === "submit") {
      go("result", true);
      this.#submit();
      return;
    }
    if (action === "restart") {
      this.#reply = null;
      this.#errors = {};
      this.#engineErrors = [];
      this.#setState(emptyState());
      return this.#render();
    }
    if (action === "history") return go("history");
    if (action === "print") return window.print();
    if (action === "back-to-flow") return go(this.#reply ? "result" : "prescreen");
    if (action === "history-export") return this.#exportHistory();
    if (action === "history-clear") return this.#clearHistory();
    if (action.startsWith("history-delete:")) return this.#deleteRecord(action.slice(15));
    if (action.startsWith("history-show:")) return this.#showRecord(action.slice(13));
  }

  async #submit() {
    const results = toResults(this.#catalog, this.#state, this.tests, localDate());
    // The run this answer belongs to: the runner may start a new one before it arrives (a
    // resumed result, then "Start a new assessment"), which must keep its own id and draft.
    const record = this.#state.record ?? recordId();
    if (this.#state.record !== record) this.#setState({ ...this.#state, record });
    keepUnanswered(record, results); // until its answer is saved: the runner may leave first
    this.#reply = null;
    if (this.dataset.state !== "ready") this.#want();
    let reply;
    try {
      reply = await this.assess(results);
    } catch (error) {
      const out = this.shadowRoot?.querySelector(".report .working");
      if (out) out.textContent = fill(this.#words().program_failed, { reason: /** @type {Error} */ (error).message });
      return;
    }
    this.#emit("result", { results, reply });
    if (!reply.ok) {
      answered(record); // refused: the runner sees why and sends it again
      this.#errors = {};
      this.#engineErrors = [];
      for (const e of reply.errors) {
        const field = fieldOfPath(results, e.path);
        if (field) this.#errors[field] = e.message;
        const where = field ? stepOfField(field) : null;
        const name = where && where !== "prescreen" ? this.#catalog.assessments.find((/** @type {any} */ a) => a.id === where)?.name : null;
        this.#engineErrors.push(`${name ? `${name}: ` : ""}${e.message} (${e.path})`);
      }
      this.#setState({ ...this.#state, step: "review" });
      this.#render();
      return;
    }
    const sameRun = () => this.#state.record === record;
    if (sameRun()) {
      this.#reply = reply;
      this.#engineErrors = [];
      if (this.#state.step === "result") this.#render();
    }
    this.#emit("complete", { results, prescription: reply.prescription });
    await this.#track(this.#saveToHistory(results, record));
    if (sameRun()) clearDraft(this.#draftKey());
  }

  // --- history ---------------------------------------------------------------------------------

  /** @param {any} results @param {string} id the run's record id */
  async #saveToHistory(results, id) {
    // The run's id is kept in the draft and the outbox: a later visit that answers this run
    // again (the page left before it was saved) saves the same record, never a second one.
    try {
      if (await this.#history.put(sealRecord(results, new Date().toISOString(), id))) this.#hasRecords = true;
    } catch {
      this.#historyOn = false;
    }
    answered(id);
  }

  /** @param {Promise<void>} saving @returns {Promise<void>} */
  #track(saving) {
    this.#saves.add(saving);
    return saving.finally(() => this.#saves.delete(saving));
  }

  /**
   * Runs submitted on an earlier visit whose answer never came (the page was left first, after
   * "Start a new assessment" replaced their draft): answered once the engine is wanted here, and
   * saved, or dropped if the engine refuses them. A run whose engine cannot start stays for a
   * later visit.
   */
  #answerUnanswered() {
    const runs = unanswered((reason) => this.#notices.push(fill(this.#words().record_set_aside, { reason })))
      .filter((run) => run.id !== this.#state.record); // the draft's own run: resumed above
    if (!runs.length) return;
    this.#track((async () => {
      await this.#wantedSoon; // a reader who never comes to the widget starts no engine for them
      for (const run of runs) {
        let reply;
        try {
          reply = await this.assess(run.results);
        } catch {
          return;
        }
        if (reply.ok) await this.#saveToHistory(run.results, run.id);
        else answered(run.id);
      }
    })());
  }

  /** Every valid record; the others are set aside and reported. */
  async #records() {
    // a run just finished, or one answered from an earlier visit, is in the list, however fast
    // the runner looks
    await Promise.allSettled([...this.#saves]);
    const records = [];
    for (const { key, value } of await this.#history.entries()) {
      const opened = openRecord(value, this.#catalog);
      if (opened.ok && opened.record.id === key) records.push(opened.record);
      else {
        const reason = opened.ok ? "its key does not match its id" : opened.reason;
        await this.#history.setAside(key, value, reason);
        this.#notices.push(fill(this.#words().record_set_aside, { reason }));
      }
    }
    return records;
  }

  /** @param {boolean} [focus] move focus to the history's heading */
  async #showHistory(focus = true) {
    const records = await this.#records();
    this.#hasRecords = records.length > 0;
    const view = this.shadowRoot?.querySelector(".view");
    if (!view || this.#state.step !== "history") return;
    const notices = this.#notices.splice(0);
    this.#showStatus("", false);
    view.replaceChildren(historyView({ catalog: this.#catalog, records, available: this.#historyOn, notices, writeDate: this.#writeDate() }));
    markParts(view);
    if (focus) /** @type {HTMLElement | null} */ (view.querySelector(".step-title"))?.focus();
  }

  async #exportHistory() {
    const file = exportFile(await this.#records(), new Date().toISOString());
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
    const link = h("a", { href: url, download: `hipguide-history-${localDate()}.json` });
    this.shadowRoot?.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async #importHistory(/** @type {File} */ file) {
    let parsed;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      parsed = null;
    }
    const { added, same, refused } = mergeImport(await this.#records(), parsed, this.#catalog);
    for (const record of added) await this.#history.put(record);
    const w = this.#words();
    this.#notices.push(refused.length
      ? fill(w.import_refused, { added: added.length, same, refused: refused.length, reasons: refused.join("; ") })
      : fill(w.import_summary, { added: added.length, same }));
    this.#showHistory();
  }

  async #clearHistory() {
    if (!confirm(this.#words().confirm_delete_all)) return;
    await this.#history.clear();
    this.#showHistory();
  }

  async #deleteRecord(/** @type {string} */ id) {
    await this.#history.delete(id);
    this.#showHistory();
  }

  /** A past assessment: its answers restored and its program worked out again. */
  async #showRecord(/** @type {string} */ id) {
    const record = (await this.#records()).find((r) => r.id === id);
    if (!record) return;
    this.#reply = null;
    this.#state = { ...fromResults(this.#catalog, record.results), step: "result", record: record.id };
    this.#render();
    const reply = await this.assess(record.results).catch(() => null);
    if (reply?.ok && this.#state.step === "result") {
      this.#reply = reply;
      this.#render();
    }
  }

  // --- configuration ---------------------------------------------------------------------------

  /** Report an attribute's invalid value once (console.warn); the element uses its default. @param {string} name */
  #check(name) {
    const text = this.getAttribute(name);
    const read = {
      theme: () => readTheme(text),
      units: () => readUnits(text, this.#catalog ? catalogUnits(this.#catalog) : null),
      "date-language": () => readDateLanguage(text, this.#defaultLanguages()),
    }[name]?.();
    if (!read?.problem) this.#warned.delete(name);
    else if (this.#warned.get(name) !== text) {
      this.#warned.set(name, text ?? "");
      console.warn(read.problem);
    }
  }

  /** The languages a date falls back to: the element's (lang, inherited), then the browser's. */
  #defaultLanguages() {
    return [this.closest("[lang]")?.getAttribute("lang"), navigator.language];
  }

  /** @returns {import("./dates.js").DateWriter} */
  #writeDate() {
    return dateWriter(this.dateLanguage);
  }

  /** Follow the system's light or dark setting, and the guide's palette switch (theme auto). */
  #watchScheme() {
    this.#systemDark ??= matchMedia("(prefers-color-scheme: dark)");
    this.#systemDark.addEventListener("change", this.#onScheme);
    this.#palette ??= new MutationObserver(this.#onScheme);
    if (document.body) this.#palette.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    this.#applyScheme();
  }

  /** data-scheme="light|dark": the colours the widget draws in (hip-assessment.css). */
  #applyScheme() {
    const material = document.body?.getAttribute("data-md-color-scheme") ?? null;
    this.dataset.scheme = schemeOf(this.theme, material, this.#systemDark?.matches ?? false);
  }

  /** A new `units`: each unit choice whose measure has no value yet shows the preferred unit. */
  #showUnits() {
    const view = this.shadowRoot?.querySelector(".view");
    if (!this.#catalog || !view) return;
    for (const select of view.querySelectorAll("select")) {
      const [test, side, part, id] = select.name.split(".");
      const measure = this.#catalog.assessments.find((/** @type {any} */ a) => a.id === test)?.measures
        .find((/** @type {any} */ m) => m.id === id);
      if (part !== "unit" || !measure) continue;
      select.value = shownUnit(measure, sideOf(this.#state, test, side).measures[id], this.units);
    }
  }

  // --- small things ----------------------------------------------------------------------------

  /** @param {string} text @param {boolean} isError */
  #showStatus(text, isError) {
    const status = this.shadowRoot?.querySelector(".status");
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("error", isError);
  }

  /** @param {string} text */
  #engineStatus(text) {
    const line = this.shadowRoot?.querySelector(".engine");
    if (line) line.textContent = text;
  }

  /** @param {string} name @param {object} [detail] */
  #emit(name, detail = {}) {
    this.dispatchEvent(new CustomEvent(`hip-assessment-${name}`, { bubbles: true, composed: true, detail }));
  }
}

/** A date as iCalendar's UTC stamp, "YYYYMMDDTHHMMSSZ". @param {Date} date */
function utcStamp(date) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
