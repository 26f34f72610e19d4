// Filters the episode table by outcome (or task check) and by text, as the person types.
(function () {
  const outcome = document.getElementById("outcome");
  const search = document.getElementById("search");
  const shown = document.getElementById("shown");
  const rows = Array.from(document.querySelectorAll("#episodes tbody tr"));
  function apply() {
    const want = outcome.value;
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let count = 0;
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      const kind = want === "passed" || want === "failed" ? row.dataset.success : row.dataset.outcome;
      const visible = (!want || kind === want) && words.every((w) => text.includes(w));
      row.hidden = !visible;
      count += visible ? 1 : 0;
    }
    shown.textContent = count + " of " + rows.length + " shown";
  }
  outcome.addEventListener("change", apply);
  search.addEventListener("input", apply);
  apply();
})();
