// A printed page carries every optional box: closed <details> open before printing and close
// again afterwards. Chromium fires these events when it prints a PDF too (iran_russia/site/pdf.py).
(function () {
  let opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.from(document.querySelectorAll("details:not([open])"));
    opened.forEach(function (box) { box.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (box) { box.open = false; });
    opened = [];
  });
})();
