// The catalog page's filter: hide the rows (and emptied sections) that do not match.
document$.subscribe(function () {
  var input = document.getElementById("catalog-filter");
  if (!input) return;
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll(".catalog table").forEach(function (table) {
      var shown = 0;
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var text = (row.id + " " + row.textContent).toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.style.display = ok ? "" : "none";
        if (ok) shown += 1;
      });
      var wrap = table.closest(".catalog") || table;
      wrap.style.display = shown ? "" : "none";
      var heading = wrap.previousElementSibling;
      if (heading && /^H[23]$/.test(heading.tagName)) heading.style.display = shown ? "" : "none";
    });
  }
  input.addEventListener("input", apply);
  var q = new URLSearchParams(window.location.search).get("q");  // catalog/?q=入园率
  if (q) { input.value = q; apply(); }
});
