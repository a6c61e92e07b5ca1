// The outbox (site_plugins/widget/storage.js): a run submitted but not yet answered is kept in
// localStorage until its answer is saved, and one that cannot be read is set aside, never lost.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

/** A Storage as the browser's, over a Map. */
class FakeStorage {
  #items = new Map();
  get length() {
    return this.#items.size;
  }
  key(i) {
    return [...this.#items.keys()][i] ?? null;
  }
  getItem(key) {
    return this.#items.has(key) ? this.#items.get(key) : null;
  }
  setItem(key, value) {
    this.#items.set(key, String(value));
  }
  removeItem(key) {
    this.#items.delete(key);
  }
}

const { answered, keepUnanswered, ranEngineBefore, rememberEngine, unanswered } = await import("../../site_plugins/widget/storage.js");
const RESULTS = { version: 2, prescreen: {}, assessments: [] };

beforeEach(() => {
  globalThis.localStorage = new FakeStorage();
});

test("a submitted run waits in the outbox until its answer is in", () => {
  assert.equal(keepUnanswered("run-1", RESULTS), true);
  assert.deepEqual(unanswered(() => assert.fail("nothing to set aside")), [{ id: "run-1", results: RESULTS }]);
  answered("run-1");
  assert.deepEqual(unanswered(() => {}), []);
});

test("a run in the outbox that cannot be read is set aside with the reason, not dropped", () => {
  keepUnanswered("run-1", RESULTS);
  localStorage.setItem("hipguide:outbox:run-2", '{"format":1,"id":"run-2","resu');
  localStorage.setItem("hipguide:outbox:run-3", JSON.stringify({ format: 1, id: "another", results: RESULTS }));
  const reasons = [];
  assert.deepEqual(unanswered((reason) => reasons.push(reason)), [{ id: "run-1", results: RESULTS }]);
  assert.equal(reasons.length, 2);
  const aside = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))
    .filter((k) => k.startsWith("hipguide:set-aside:"))
    .map((k) => localStorage.getItem(k))
    .sort();
  assert.deepEqual(aside, [
    JSON.stringify({ format: 1, id: "another", results: RESULTS }),
    '{"format":1,"id":"run-2","resu',
  ], "each unreadable run is kept whole under another key");
  assert.equal(localStorage.getItem("hipguide:outbox:run-2"), null);
});

test("without storage, nothing is kept and nothing fails", () => {
  globalThis.localStorage = undefined;
  assert.equal(keepUnanswered("run-1", RESULTS), false);
  assert.deepEqual(unanswered(() => {}), []);
  answered("run-1");
  rememberEngine("https://guide.example/assets/hipguide/");
  assert.equal(ranEngineBefore("https://guide.example/assets/hipguide/"), false);
});

test("the device remembers which guide's engine it ran, guide by guide", () => {
  const guide = "https://guide.example/assets/hipguide/";
  assert.equal(ranEngineBefore(guide), false);
  rememberEngine(guide);
  assert.equal(ranEngineBefore(guide), true);
  assert.equal(ranEngineBefore("https://other.example/assets/hipguide/"), false);
});
