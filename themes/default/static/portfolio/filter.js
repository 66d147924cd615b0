// Narrows a project list on the page while typing or choosing: the pre-rendered views
// work without JavaScript; this only spares a page load. Rows carry their values in
// data-phase, data-ampel and data-text; the form is hidden until this script runs.
(function () {
  "use strict";
  const form = document.querySelector("form[data-list-filter]");
  const table = document.querySelector("table[data-filterable]");
  if (!form || !table) return;
  const rows = Array.from(table.tBodies[0].rows);
  const text = form.querySelector("[name=text]");
  const selects = Array.from(form.querySelectorAll("select"));
  const status = form.querySelector("[role=status]");

  // The options are the values that occur in this list, in order of first appearance.
  for (const select of selects) {
    const key = select.name;
    const seen = new Set();
    for (const row of rows) {
      const value = row.dataset[key];
      if (value && !seen.has(value)) {
        seen.add(value);
        select.add(new Option(value, value));
      }
    }
  }

  const words = (value) => value.toLocaleLowerCase("de").split(/\s+/).filter(Boolean);

  function apply() {
    const wanted = words(text.value);
    let shown = 0;
    for (const row of rows) {
      const haystack = row.dataset.text.toLocaleLowerCase("de");
      const match =
        wanted.every((word) => haystack.includes(word)) &&
        selects.every((select) => !select.value || row.dataset[select.name] === select.value);
      row.hidden = !match;
      if (match) shown += 1;
    }
    status.textContent = form.dataset.status.replace("{shown}", shown).replace("{total}", rows.length);
  }

  form.addEventListener("input", apply);
  // The list narrows while typing; the button is there for those who expect to send a
  // form, and does the same.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  form.hidden = false;
  apply();
})();
