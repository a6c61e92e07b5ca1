// Saving on the device only: the draft in localStorage (written as the runner types), the
// history in IndexedDB, and between the two the runs waiting for the engine's answer (the
// outbox, in localStorage: written at once, so a run the runner leaves before its answer is
// saved on a later visit, not lost). Nothing here trusts what it reads: records go through
// records.js, and anything that fails is moved aside (kept, not deleted) and reported. When the browser refuses
// storage (private mode, blocked), every method still resolves and `available` says so.
//
// A small module of our own rather than npm's idb-keyval: we need two object stores in one
// database (history and set-aside records) and a cursor over all values, which idb-keyval's
// one-store-per-database `createStore` does not give, and the widget ships with no build step.

const DB_NAME = "hipguide";
const DB_VERSION = 1;
const HISTORY = "history";
const ASIDE = "set_aside";
/** localStorage keys */
export const DRAFT_PREFIX = "hipguide:draft:";
const SET_ASIDE = "hipguide:set-aside:";
/** The draft format; a draft of another format is set aside, not guessed at. */
export const DRAFT_FORMAT = 1;
const OUTBOX_PREFIX = "hipguide:outbox:";
const ENGINE_PREFIX = "hipguide:engine:";

/**
 * Whether this device has started the engine of `src` before (its runtime is then likely kept
 * by the browser, and the runner likely to use the widget again).
 * @param {string} src
 */
export function ranEngineBefore(src) {
  return local()?.getItem(`${ENGINE_PREFIX}${src}`) != null;
}

/** @param {string} src */
export function rememberEngine(src) {
  try {
    local()?.setItem(`${ENGINE_PREFIX}${src}`, "1");
  } catch {
    // storage full: the next visit makes its worker when the widget is seen
  }
}

/**
 * Move an entry that cannot be read out of the way, kept whole under a key of its own (several
 * may go aside at once), and report why.
 * @param {Storage} store @param {string} key @param {string} text @param {unknown} error
 * @param {(reason: string) => void} onSetAside
 */
function setAside(store, key, text, error, onSetAside) {
  store.setItem(`${SET_ASIDE}${Date.now()}:${key}`, text);
  store.removeItem(key);
  onSetAside(/** @type {Error} */ (error).message);
}

/** @returns {Storage | null} */
function local() {
  try {
    const store = globalThis.localStorage;
    const probe = "hipguide:probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch {
    return null;
  }
}

/**
 * The draft: {format, saved_at, state}; returns null when there is none, and sets aside (and
 * reports through `onSetAside`, with the reason) one that cannot be read.
 * @param {string} key @param {(reason: string) => void} onSetAside @returns {any}
 */
export function loadDraft(key, onSetAside) {
  const store = local();
  const text = store?.getItem(DRAFT_PREFIX + key);
  if (!store || text == null) return null;
  try {
    const draft = JSON.parse(text);
    if (draft?.format !== DRAFT_FORMAT || typeof draft.state !== "object" || typeof draft.state?.step !== "string"
      || typeof draft.state.prescreen !== "object" || typeof draft.state.tests !== "object") {
      throw new Error("not a draft this version can read");
    }
    return draft;
  } catch (error) {
    setAside(store, DRAFT_PREFIX + key, text, error, onSetAside);
    return null;
  }
}

/** @param {string} key @param {any} state @returns {boolean} whether it was saved */
export function saveDraft(key, state) {
  const store = local();
  if (!store) return false;
  try {
    store.setItem(DRAFT_PREFIX + key, JSON.stringify({ format: DRAFT_FORMAT, saved_at: new Date().toISOString(), state }));
    return true;
  } catch {
    return false;
  }
}

/** @param {string} key */
export function clearDraft(key) {
  local()?.removeItem(DRAFT_PREFIX + key);
}

/**
 * Keep a submitted run until its answer is in: `results` is the document sent to the engine.
 * @param {string} id the run's record id @param {any} results @returns {boolean} whether it was kept
 */
export function keepUnanswered(id, results) {
  const store = local();
  if (!store) return false;
  try {
    store.setItem(OUTBOX_PREFIX + id, JSON.stringify({ format: DRAFT_FORMAT, id, results }));
    return true;
  } catch {
    return false;
  }
}

/** The run's answer is in (saved, or refused by the engine). @param {string} id */
export function answered(id) {
  local()?.removeItem(OUTBOX_PREFIX + id);
}

/**
 * The runs submitted on this device whose answer never came (the page was left first). One that
 * cannot be read is set aside (kept under another key) and reported through `onSetAside`.
 * @param {(reason: string) => void} onSetAside @returns {{id: string, results: any}[]}
 */
export function unanswered(onSetAside) {
  const store = local();
  if (!store) return [];
  const runs = [];
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i) ?? "");
  for (const key of keys.filter((k) => k.startsWith(OUTBOX_PREFIX)).sort()) {
    const text = store.getItem(key) ?? "";
    try {
      const run = JSON.parse(text);
      if (run?.format !== DRAFT_FORMAT || run.id !== key.slice(OUTBOX_PREFIX.length) || typeof run.results !== "object" || !run.results) {
        throw new Error("not a saved run this version can read");
      }
      runs.push({ id: String(run.id), results: run.results });
    } catch (error) {
      setAside(store, key, text, error, onSetAside);
    }
  }
  return runs;
}

/** @template T @param {IDBRequest<T>} request @returns {Promise<T>} */
const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** The history in IndexedDB. */
export class HistoryStore {
  /** @type {Promise<IDBDatabase | null> | null} */ #db = null;

  /** @returns {Promise<IDBDatabase | null>} null when storage is refused */
  open() {
    this.#db ??= new Promise((resolve) => {
      try {
        const request = indexedDB.open(DB_NAME, DB_VERSION);
        request.onupgradeneeded = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(HISTORY)) db.createObjectStore(HISTORY);
          if (!db.objectStoreNames.contains(ASIDE)) db.createObjectStore(ASIDE, { autoIncrement: true });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
        request.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
    return this.#db;
  }

  async available() {
    return (await this.open()) !== null;
  }

  /**
   * Every stored value with its key (unchecked: the caller opens them with records.js).
   * @returns {Promise<{key: IDBValidKey, value: unknown}[]>}
   */
  async entries() {
    const db = await this.open();
    if (!db) return [];
    const store = db.transaction(HISTORY).objectStore(HISTORY);
    const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
    return keys.map((key, i) => ({ key, value: values[i] }));
  }

  /** How many records are stored (0 when storage is refused). @returns {Promise<number>} */
  async count() {
    const db = await this.open();
    if (!db) return 0;
    return done(db.transaction(HISTORY).objectStore(HISTORY).count());
  }

  /** @param {{id: string}} record */
  async put(record) {
    const db = await this.open();
    if (!db) return false;
    const tx = db.transaction(HISTORY, "readwrite");
    tx.objectStore(HISTORY).put(record, record.id);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    return true;
  }

  /** @param {IDBValidKey} key */
  async delete(key) {
    const db = await this.open();
    if (!db) return;
    await done(db.transaction(HISTORY, "readwrite").objectStore(HISTORY).delete(key));
  }

  async clear() {
    const db = await this.open();
    if (!db) return;
    await done(db.transaction(HISTORY, "readwrite").objectStore(HISTORY).clear());
  }

  /**
   * Move a value that failed its checks out of the history, with the reason.
   * @param {IDBValidKey} key @param {unknown} value @param {string} reason
   */
  async setAside(key, value, reason) {
    const db = await this.open();
    if (!db) return;
    const tx = db.transaction([HISTORY, ASIDE], "readwrite");
    tx.objectStore(ASIDE).add({ key, value, reason, at: new Date().toISOString() });
    tx.objectStore(HISTORY).delete(key);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  }
}
