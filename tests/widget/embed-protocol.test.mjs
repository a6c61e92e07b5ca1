// The iframe embed's message contract: what each side accepts, and the frame's allowlist.
import assert from "node:assert/strict";
import { test } from "node:test";

import { allowedOrigins, CHANNEL, EMBED_VERSION, message, readMessage } from "../../site_plugins/widget/embed-protocol.js";

const size = { channel: CHANNEL, version: EMBED_VERSION, type: "size", height: 812, step: "result", state: "ready" };

test("the three messages of the contract are read back as they were sent", () => {
  for (const sent of [
    message({ type: "connect" }),
    message({ type: "size", height: 812, step: "result", state: "ready" }),
    message({ type: "event", name: "complete", detail: { results: {}, prescription: { sessions: [] } } }),
  ]) {
    assert.deepEqual(readMessage(JSON.parse(JSON.stringify(sent))), sent);
  }
});

test("anything else is not a message: another channel, another version, another type", () => {
  for (const data of [
    null, "connect", [], 42,
    { ...size, channel: "something-else" },
    { ...size, version: EMBED_VERSION + 1 },
    { ...size, version: String(EMBED_VERSION) },
    { ...size, type: "navigate", url: "https://evil.example" },
    { channel: CHANNEL, version: EMBED_VERSION },
  ]) {
    assert.equal(readMessage(data), null, JSON.stringify(data));
  }
});

test("a size must be a whole number of pixels within bounds, with text step and state", () => {
  for (const height of [-1, 1.5, Number.NaN, Infinity, 100_001, "812", null]) {
    assert.equal(readMessage({ ...size, height }), null, String(height));
  }
  assert.equal(readMessage({ ...size, step: 3 }), null);
  assert.equal(readMessage({ ...size, state: undefined }), null);
  assert.equal(readMessage({ ...size, height: 0 })?.type, "size");
});

test("an event must be one the element passes on, with an object as detail", () => {
  const event = { channel: CHANNEL, version: EMBED_VERSION, type: "event", name: "complete", detail: {} };
  assert.equal(readMessage(event)?.type, "event");
  for (const name of ["result", "progress", "loadstart", "__proto__", ""]) {
    assert.equal(readMessage({ ...event, name }), null, name);
  }
  for (const detail of [null, "text", [1]]) assert.equal(readMessage({ ...event, detail }), null);
});

test("read messages carry only the contract's fields", () => {
  const read = readMessage({ ...size, extra: "<img src=x onerror=alert(1)>" });
  assert.deepEqual(Object.keys(read ?? {}).sort(), ["channel", "height", "state", "step", "type", "version"]);
});

test("the allowlist takes origins written as URLs, and refuses anything that would widen it", () => {
  const { origins, refused } = allowedOrigins([
    "https://club.example",
    "https://club.example/hip-check/?x=1", // a path is dropped: the same origin, once
    "http://localhost:8080 https://www.club.example", // separated by spaces
    "*", "null", "club.example", "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "",
  ]);
  assert.deepEqual(origins, ["https://club.example", "http://localhost:8080", "https://www.club.example"]);
  assert.deepEqual(refused, ["*", "null", "club.example", "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"]);
});
