/* NDR Doctor embed helper: turns every <div data-ndr-doctor> into an iframe of the page
 * that grows with its content. No dependencies. Usage:
 *   <div data-ndr-doctor data-lang="ja"></div>
 *   <script src="https://YOUR-SITE/ndr-doctor/embed.js" defer></script>
 * Optional: data-src (the page URL, default: next to this script), data-title.
 * Hand a bounce to a frame (it stays in the visitor's browser):
 *   NdrDoctorEmbed.diagnose(div, text)
 * After a diagnosis the visitor asked for, the page (and any scrolling box around the frame)
 * scrolls the result into view.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL("./", script ? script.src : location.href);
  var frames = [];

  function mount(div) {
    if (div.querySelector("iframe")) return;
    var url = new URL(div.getAttribute("data-src") || base.href, base);
    url.searchParams.set("embed", "1");
    var lang = div.getAttribute("data-lang");
    if (lang) url.searchParams.set("lang", lang);
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = div.getAttribute("data-title") ||
      (lang === "ja" ? "NDR Doctor: エラーメールの診断" : "NDR Doctor: bounce diagnosis");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.setAttribute("allow", "clipboard-write");
    frame.style.cssText = "width:100%;border:0;display:block;min-height:480px";
    div.appendChild(frame);
    frames.push({ frame: frame, origin: url.origin, div: div });
  }

  // The scroll that brings a box at `y`, `h` tall, into a view `v` tall: centred if it fits,
  // else its top near the top; 0 if it is in view.
  function by(y, h, v) {
    return y < 0 || y + Math.min(h, v * 0.75) > v ? y - Math.max(16, (v - h) / 2) : 0;
  }

  // The result box (`top` in the frame) into view in each scrolling element around the frame,
  // innermost first, then in the window; `y` follows it ahead of any smooth scroll.
  function reveal(frame, top, h) {
    var how = matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
    var y = frame.getBoundingClientRect().top + top, d;
    for (var el = frame.parentElement; el && el !== document.body; el = el.parentElement) {
      var v = el.clientHeight, room = el.scrollHeight - v;
      if (room <= 0 || !/auto|scroll/.test(getComputedStyle(el).overflowY)) continue;
      d = by(y - el.getBoundingClientRect().top - el.clientTop, h, v);
      d = Math.max(-el.scrollTop, Math.min(d, room - el.scrollTop));
      if (d) el.scrollBy({ top: d, behavior: how });
      y -= d;
    }
    if ((d = by(y, h, innerHeight))) scrollBy({ top: d, behavior: how });
  }

  addEventListener("message", function (e) {
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.frame.contentWindow || e.origin !== f.origin) continue;
      var d = e.data;
      if (d && d.type === "ndr-doctor:height" && typeof d.height === "number" && d.height > 0) {
        f.frame.style.minHeight = "0";
        f.frame.style.height = Math.ceil(d.height) + "px";
      } else if (d && d.type === "ndr-doctor:reveal" && typeof d.top === "number" && typeof d.height === "number" && d.top >= 0 && d.height >= 0) {
        reveal(f.frame, d.top, d.height);
      }
    }
  });

  window.NdrDoctorEmbed = {
    /** Sends a bounce to the frame inside `div`; it is diagnosed there, in the browser. */
    diagnose: function (div, text) {
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].div === div) {
          // `visitor`: on a click (not at load), focus and the view go to the result.
          var ua = navigator.userActivation;
          frames[i].frame.contentWindow.postMessage({ type: "ndr-doctor:diagnose", text: String(text),
            visitor: !!(ua && ua.isActive) }, frames[i].origin);
        }
      }
    },
    mount: mount
  };

  function start() {
    var divs = document.querySelectorAll("[data-ndr-doctor]");
    for (var i = 0; i < divs.length; i++) mount(divs[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
