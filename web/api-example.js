// Example: a knowledge base that renders its own UI from NdrDoctor's JSON.
addEventListener("ndr-doctor-ready", function () {
  var run = document.getElementById("run");
  var verdict = document.querySelector("[data-testid=api-verdict]");
  run.disabled = false;
  run.addEventListener("click", function () {
    var text = document.getElementById("bounce").value;
    var lang = document.getElementById("lang").value;
    // `advise` returns a Promise: the first call in a language loads that language's texts
    // (texts.ja.txt or texts.en.txt, next to boot.js). `diagnose` needs none and answers at once.
    window.NdrDoctor.advise(text, lang).then(function (result) {
      // textContent, never innerHTML: the bounce is untrusted text.
      // `advice` is null when the text is not a bounce (the diagnosis's notes say why).
      verdict.textContent = result.advice ? result.advice.verdict : "This does not look like a bounce.";
      document.getElementById("out").textContent = JSON.stringify(window.NdrDoctor.diagnose(text), null, 2);
    }, function (error) {
      verdict.textContent = "The advice could not be loaded: " + error.message;
    });
  });
});
