// Injected by test_report_html.sh into a copy of a report page (the page itself has no script): measures the
// layout at the window's width and writes what is wrong into <body data-layout="…"> for --dump-dom.
(function () {
  const problems = [];
  const label = (el) => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : "") +
    " “" + (el.textContent || "").trim().slice(0, 40) + "”";
  // How many lines a cell's text takes: the distinct tops of its text's line boxes.
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set();
    for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
    return tops.size;
  };
  // No cell of a header, and no name, team or status cell, wraps.
  for (const el of document.querySelectorAll("th, td.name, td.team, td.status, td.nowrap")) {
    if (lines(el) > 1) problems.push("wraps: " + label(el));
  }
  // Nothing scrolls sideways or sticks out of its box.
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) problems.push("page scrolls sideways: " +
    document.documentElement.scrollWidth + " > " + width);
  for (const el of document.querySelectorAll(".table-wrap, section, td, th")) {
    if (el.scrollWidth > el.clientWidth + 1) problems.push("overflows: " + label(el) + " " + el.scrollWidth + " > " + el.clientWidth);
  }
  for (const table of document.querySelectorAll("table")) {
    const box = table.parentElement.getBoundingClientRect(), r = table.getBoundingClientRect();
    if (r.right > box.right + 1) problems.push("table sticks out: " + label(table.querySelector("th") || table));
  }
  document.body.setAttribute("data-layout", JSON.stringify(problems));
})();
