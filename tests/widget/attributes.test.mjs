// The configuration attributes as the element reads them: each value, and each bad value refused
// with a message naming the attribute (the element then warns and uses the default).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  catalogUnits, preferredUnit, readDateLanguage, readTheme, readUnits, schemeOf,
} from "../../site_plugins/widget/attributes.js";
import { shownUnit } from "../../site_plugins/widget/state.js";

const catalog = JSON.parse(readFileSync(new URL("../../hipcore/data/catalog.json", import.meta.url), "utf8"));
const known = catalogUnits(catalog);
const gap = { unit: "cm", units: ["in"] }; // the quad length test's heel-to-buttock gap
const seconds = { unit: "s", units: [] };

test("theme is light, dark or auto; absent or empty is auto", () => {
  for (const [text, value] of [[null, "auto"], ["", "auto"], ["light", "light"], ["dark", "dark"], ["auto", "auto"], ["Dark", "dark"]]) {
    assert.deepEqual(readTheme(text), { value, problem: null }, String(text));
  }
});

test("an unknown theme is refused, named in the message, and reads as auto", () => {
  const read = readTheme("blue");
  assert.equal(read.value, "auto");
  assert.match(read.problem ?? "", /theme="blue" is not light, dark or auto/);
  assert.equal(readTheme(" dark").value, "auto", "as the stylesheet reads it: no spaces");
});

test("the scheme: a theme wins; auto follows the guide's palette, else the system", () => {
  assert.equal(schemeOf("dark", "default", false), "dark");
  assert.equal(schemeOf("light", "slate", true), "light");
  assert.equal(schemeOf("auto", "slate", false), "dark", "Material's dark palette, whatever the system");
  assert.equal(schemeOf("auto", "default", true), "light", "Material's light palette, whatever the system");
  assert.equal(schemeOf("auto", null, true), "dark", "not the guide: the system's setting");
  assert.equal(schemeOf("auto", null, false), "light");
});

test("the catalog's units are the ones its measures accept", () => {
  assert.deepEqual([...known].sort(), ["cm", "deg", "in", "s"]);
});

test("units: metric and imperial name the units they prefer; unit ids are taken as written", () => {
  assert.deepEqual(readUnits(null, known), { value: [], problem: null });
  assert.deepEqual(readUnits("imperial", known), { value: ["in"], problem: null });
  assert.deepEqual(readUnits("Metric", known), { value: ["cm"], problem: null });
  assert.deepEqual(readUnits("in cm", known), { value: ["in", "cm"], problem: null });
});

test("a unit the catalog does not have is refused with the ones it has", () => {
  const read = readUnits("furlongs", known);
  assert.deepEqual(read.value, []);
  assert.match(read.problem ?? "", /units="furlongs" is not metric, imperial or a unit of the catalog \(cm, deg, in, s\)/);
});

test("before the catalog is loaded, unit ids are not checked yet", () => {
  assert.deepEqual(readUnits("in", null), { value: ["in"], problem: null });
});

test("a measure shows the first preferred unit it accepts, else its own", () => {
  assert.equal(preferredUnit(gap, ["in"]), "in");
  assert.equal(preferredUnit(gap, []), "cm");
  assert.equal(preferredUnit(seconds, ["in"]), "s");
});

test("a value keeps the unit it was typed in, whatever units says later", () => {
  assert.equal(shownUnit(gap, undefined, ["in"]), "in", "nothing typed: the preferred unit");
  assert.equal(shownUnit(gap, { value: "", unit: "" }, ["in"]), "in");
  assert.equal(shownUnit(gap, { value: "4", unit: "cm" }, ["in"]), "cm", "typed in cm: stays cm");
  assert.equal(shownUnit(gap, { value: "4", unit: "" }, ["in"]), "cm", "a draft from before units were kept: its unit then");
});

test("date-language is a BCP 47 tag, written canonically", () => {
  assert.deepEqual(readDateLanguage("de", ["en"]), { value: "de", problem: null });
  assert.deepEqual(readDateLanguage("en-gb", ["en"]), { value: "en-GB", problem: null });
  assert.deepEqual(readDateLanguage("pt-br", []), { value: "pt-BR", problem: null });
});

test("without date-language, the element's language, else the browser's, else English", () => {
  assert.equal(readDateLanguage(null, ["fr", "de"]).value, "fr");
  assert.equal(readDateLanguage("", [null, "de-AT"]).value, "de-AT");
  assert.equal(readDateLanguage(null, ["not a tag", "nl"]).value, "nl", "an invalid lang on the page is passed over");
  assert.equal(readDateLanguage(null, [undefined, null]).value, "en");
});

test("an invalid tag is refused, named in the message, and the default is used", () => {
  const read = readDateLanguage("not a tag!", ["fr"]);
  assert.equal(read.value, "fr");
  assert.match(read.problem ?? "", /date-language="not a tag!" is not a BCP 47 language tag/);
});
