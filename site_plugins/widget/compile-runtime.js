// Run once by a throwaway worker (engines.js: compileKeptRuntime) after the service worker has
// kept the runtime: importing Pyodide's module from the service worker's copy makes the browser
// compile it and keep the compiled code beside that copy. Nothing is started.

import "../pyodide/pyodide.asm.mjs";

// The browser makes the code it keeps once the modules have finished evaluating, after this
// line has run: the page, which stops this worker when told, is told in a later task.
setTimeout(() => self.postMessage("compiled"), 0);
