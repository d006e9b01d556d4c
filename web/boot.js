// Starts the wasm app from a file rather than an inline script, so the page's
// Content-Security-Policy can forbid inline scripts entirely. Trunk writes the hashed
// file names into the data attributes (see `pattern_script` in Trunk.toml).
(function () {
  "use strict";
  var me = document.currentScript;
  var js = me && me.dataset.js;
  var wasm = me && me.dataset.wasm;
  if (!js || !wasm) return;
  import(js).then(function (bindings) {
    return bindings.default({ module_or_path: wasm }).then(function () {
      // Exposes the small JavaScript API (`NdrDoctor.diagnose(text)`) to pages that load us.
      if (bindings.diagnose) window.NdrDoctor = { diagnose: bindings.diagnose };
      dispatchEvent(new CustomEvent("ndr-doctor-ready"));
    });
  });
})();
