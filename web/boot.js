// Starts the wasm app from a file rather than an inline script, so the page's
// Content-Security-Policy can forbid inline scripts entirely. Trunk writes the file names
// into the data attributes (see `pattern_script` in Trunk.toml); a page that only uses
// the JavaScript API includes this file without them (see api-example.html).
(function () {
  "use strict";
  var me = document.currentScript;
  var here = me && me.src ? me.src : location.href;
  var js = new URL((me && me.dataset.js) || "ndr-web.js", here).href;
  var wasm = new URL((me && me.dataset.wasm) || "ndr-web_bg.wasm", here).href;
  import(js).then(function (bindings) {
    return bindings.default({ module_or_path: wasm }).then(function () {
      // The JavaScript API: plain objects in, plain objects out; nothing leaves the browser.
      window.NdrDoctor = {
        diagnose: function (text) { return JSON.parse(bindings.diagnose(String(text))); },
        advise: function (text, lang) { return JSON.parse(bindings.advise(String(text), String(lang || "en"))); }
      };
      dispatchEvent(new CustomEvent("ndr-doctor-ready"));
    });
  });
})();
