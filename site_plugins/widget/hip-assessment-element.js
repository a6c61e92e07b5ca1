// <hip-assessment>: the self-assessment as a form, judged in the browser by hipcore on Pyodide.
//
// Attributes (mirrored as properties):
//   tests   space-separated assessment ids to show; empty shows every test in the catalog
//   src     base URL of the hipguide assets (catalog.json, manifest.json, widget/, pyodide/);
//           defaults to the folder above this module, so a cross-origin <script> works as is
// State is exposed as data-state="idle|loading|ready|error" for styling and tests.
// Events (bubbling, composed; data in `detail`):
//   hip-assessment-loadstart, hip-assessment-load, hip-assessment-error, hip-assessment-loadend
//     the runtime's start-up, in the order of <img>; -error carries {message}
//   hip-assessment-progress   {stage}            a start-up stage began (see protocol.js)
//   hip-assessment-result     {results, reply}   the engine answered a submitted form

import { EngineClient } from "./protocol.js";
import { renderForm, readForm } from "./form.js";
import { renderReply } from "./report.js";

const DEFAULT_SRC = new URL("../", import.meta.url).href;

export class HipAssessmentElement extends HTMLElement {
  static observedAttributes = ["tests", "src"];

  /** @type {EngineClient | null} */ #engine = null;
  /** @type {Promise<EngineClient> | null} */ #loading = null;
  /** @type {any} */ #catalog = null;
  #connected = false;

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

  connectedCallback() {
    this.#connected = true;
    if (!this.shadowRoot) this.attachShadow({ mode: "open" });
    this.#setup();
  }

  disconnectedCallback() {
    this.#connected = false;
  }

  attributeChangedCallback() {
    if (this.#connected && this.#catalog) this.#renderForm();
  }

  /**
   * Start the engine worker (once). Replaceable in tests.
   * @returns {Promise<EngineClient>}
   */
  loadRuntime() {
    if (this.#loading) return this.#loading;
    this.#emit("loadstart");
    this.dataset.state = "loading";
    const worker = new Worker(new URL("widget/worker.js", this.src), { type: "module" });
    const client = new EngineClient(worker, (stage) => this.#emit("progress", { stage }));
    this.#loading = client.request("version").then(
      () => {
        this.#engine = client;
        this.dataset.state = "ready";
        this.#emit("load");
        this.#emit("loadend");
        return client;
      },
      (error) => {
        this.dataset.state = "error";
        this.#showStatus(`The assessment engine could not start: ${error.message}. Reload the page to try again.`, true);
        this.#emit("error", { message: error.message });
        this.#emit("loadend");
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  /**
   * Judge a results document; resolves to hipcore's reply.
   * @param {object} results
   */
  async assess(results) {
    const engine = this.#engine ?? (await this.loadRuntime());
    return engine.request("assess", results);
  }

  async #setup() {
    this.shadowRoot.innerHTML = `<link rel="stylesheet" href="${new URL("widget/hip-assessment.css", this.src)}">
      <div part="body"><p class="status" role="status">Loading the self-assessment…</p></div>`;
    try {
      const response = await fetch(new URL("catalog.json", this.src));
      if (!response.ok) throw new Error(`catalog.json answered ${response.status}`);
      this.#catalog = await response.json();
    } catch (error) {
      this.dataset.state = "error";
      this.#showStatus(`The self-assessment could not load (${error.message}).`, true);
      this.#emit("error", { message: String(error.message) });
      return;
    }
    this.#renderForm();
    this.#showStatus("", false);
    this.loadRuntime().catch(() => {});
  }

  #renderForm() {
    const body = this.shadowRoot.querySelector("[part=body]");
    const form = renderForm(this.#catalog, this.tests);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#submit(form);
    });
    const output = document.createElement("section");
    output.className = "report";
    output.setAttribute("aria-live", "polite");
    output.setAttribute("aria-label", "Your program");
    const status = this.shadowRoot.querySelector(".status");
    status.textContent = this.dataset.state === "error" ? status.textContent : "";
    body.replaceChildren(status, form, output);
  }

  /** @param {HTMLFormElement} form */
  async #submit(form) {
    const output = this.shadowRoot.querySelector(".report");
    const button = form.querySelector("button[type=submit]");
    const results = readForm(form, this.#catalog, this.tests);
    button.disabled = true;
    output.textContent = "Working out your program…";
    try {
      const reply = await this.assess(results);
      output.replaceChildren(renderReply(reply, this.#catalog));
      this.#emit("result", { results, reply });
    } catch (error) {
      output.textContent = `Your answers are kept, but the program could not be worked out: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  }

  /** @param {string} text @param {boolean} isError */
  #showStatus(text, isError) {
    const status = this.shadowRoot.querySelector(".status");
    status.textContent = text;
    status.classList.toggle("error", isError);
  }

  /** @param {string} name @param {object} [detail] */
  #emit(name, detail = {}) {
    this.dispatchEvent(new CustomEvent(`hip-assessment-${name}`, { bubbles: true, composed: true, detail }));
  }
}
