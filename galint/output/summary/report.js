"use strict";
(() => {
  const collator = new Intl.Collator("en", {sensitivity: "base"});
  for (const table of document.querySelectorAll("table.sortable")) {
    const heads = Array.from(table.tHead.rows[table.tHead.rows.length - 1].cells);
    heads.forEach((th, column) => {
      th.querySelector("button").addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        const numeric = th.dataset.type === "num";
        const body = table.tBodies[0];
        const key = (row) => row.cells[column].dataset.sort;
        const rows = Array.from(body.rows).sort((a, b) => {
          const x = key(a), y = key(b);
          const order = x === "" || y === "" ? (x === "") - (y === "")
            : (ascending ? 1 : -1) * (numeric ? Number(x) - Number(y) : collator.compare(x, y));
          return order || a.dataset.index - b.dataset.index;
        });
        body.append(...rows);
        for (const other of heads) other.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
  }
})();
