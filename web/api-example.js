// Example: a knowledge base that renders its own UI from NDR Doctor's JSON.
addEventListener("ndr-doctor-ready", function () {
  var run = document.getElementById("run");
  run.disabled = false;
  run.addEventListener("click", function () {
    var text = document.getElementById("bounce").value;
    var lang = document.getElementById("lang").value;
    var result = window.NdrDoctor.advise(text, lang);
    // textContent, never innerHTML: the bounce is untrusted text.
    document.querySelector("[data-testid=api-verdict]").textContent = result.advice.verdict;
    document.getElementById("out").textContent = JSON.stringify(window.NdrDoctor.diagnose(text), null, 2);
  });
});
