// Starts the wasm app from a file rather than an inline script, so the page's
// Content-Security-Policy can forbid inline scripts entirely. Trunk writes the file names
// into the data attributes (see `pattern_script` in Trunk.toml); a page that only uses
// the JavaScript API includes this file without them (see api-example.html).
// The wasm has no playbook texts: the page language's file (texts.ja.txt or texts.en.txt)
// is fetched here with the wasm; crates/ndr-web/src/texts.rs installs it.
(function () {
  "use strict";
  var me = document.currentScript;
  var here = me && me.src ? me.src : location.href;
  var js = new URL((me && me.dataset.js) || "ndr-web.js", here).href;
  var wasm = new URL((me && me.dataset.wasm) || "ndr-web_bg.wasm", here).href;

  // As Lang::parse (ndr-playbooks text.rs).
  function parseLang(tag) {
    var primary = String(tag == null ? "" : tag).trim().split(/[-_.;]/)[0].trim().toLowerCase();
    return primary === "ja" || primary === "jp" ? "ja" : primary === "en" ? "en" : null;
  }

  // As browser::initial_lang (ndr-web browser.rs); tests/e2e checks that both agree.
  function pageLang() {
    var lang = null;
    try { lang = parseLang(new URLSearchParams(location.search).get("lang")); } catch (e) {}
    if (lang) return lang;
    try { lang = parseLang(localStorage.getItem("ndr-doctor.lang")); } catch (e) {} // storage blocked
    if (lang) return lang;
    var tags = [].concat(navigator.languages || [], navigator.language || []);
    for (var i = 0; i < tags.length; i++) {
      lang = parseLang(tags[i]);
      if (lang) return lang;
    }
    return "en";
  }

  // One fetch per language; a failed one is forgotten, so choosing it again retries.
  // `fresh` asks the server again past the browser's cache: a file cached from an earlier
  // deploy does not fit this wasm (texts.rs retries once with it).
  var texts = {};
  function loadTexts(lang, fresh) {
    lang = lang === "ja" ? "ja" : "en";
    var file = fresh ? null : texts[lang];
    if (!file) {
      var init = fresh ? { cache: "no-cache" } : {};
      file = texts[lang] = fetch(new URL("texts." + lang + ".txt", here).href, init).then(function (r) {
        if (!r.ok) throw new Error("texts." + lang + ".txt: HTTP " + r.status);
        return r.text();
      });
      file.catch(function () { if (texts[lang] === file) delete texts[lang]; });
    }
    return file;
  }
  window.ndrDoctorTexts = loadTexts;
  // API-only pages load texts when `advise` first needs them.
  if (!document.body || !document.body.hasAttribute("data-ndr-doctor-api")) {
    loadTexts(pageLang());
    // The shell's "Loading…" in the page's language only (index.html has both).
    var wait = document.querySelector('#boot-loading [lang="' + (pageLang() === "ja" ? "en" : "ja") + '"]');
    if (wait) wait.hidden = true;
    // ?lang= follows the switch (<html lang>), so a reload keeps it (review 7, L3).
    new MutationObserver(function () {
      var u = new URL(location.href), l = document.documentElement.lang, q = u.searchParams;
      if (l && q.has("lang") && q.get("lang") !== l) q.set("lang", l), history.replaceState(history.state, "", u);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  }

  import(js).then(function (bindings) {
    return bindings.default({ module_or_path: wasm }).then(function () {
      function ensure(lang) {
        if (bindings.texts_loaded(lang)) return Promise.resolve();
        function install(fresh) {
          return loadTexts(lang, fresh).then(function (file) {
            return bindings.install_texts(lang, file);
          });
        }
        return install(false).then(function (error) {
          return error ? install(true) : null;
        }).then(function (error) {
          if (error) throw new Error(error);
        });
      }
      // The JavaScript API: plain objects in, plain objects out; nothing leaves the browser.
      // `advise` is a Promise: it loads the language's texts on first use.
      window.NdrDoctor = {
        diagnose: function (text) { return JSON.parse(bindings.diagnose(String(text))); },
        advise: function (text, lang) {
          lang = parseLang(lang) || "en";
          return ensure(lang).then(function () {
            return JSON.parse(bindings.advise(String(text), lang));
          });
        }
      };
      dispatchEvent(new CustomEvent("ndr-doctor-ready"));
    });
  });
})();
