// The batch index, drawn from the entries embedded above; texts go in as textContent only.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("planparse-data").textContent);
  const kinds = data.kinds.map(([kind, thai, english]) => ({ kind, thai, english }));
  const entries = data.entries.map((entry, order) => ({ ...entry, order, row: null }));
  const collator = new Intl.Collator("th", { numeric: true });
  const svgNS = "http://www.w3.org/2000/svg";

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  const total = (entry) => kinds.reduce((sum, { kind }) => sum + entry.counts[kind], 0);

  document.body.className = "index";
  const failed = entries.filter((entry) => entry.failure);
  const warned = entries.filter((entry) => entry.warnings > 0);
  document.body.append(el("h1", "", data.title + " \u00b7 " + entries.length
    + (entries.length === 1 ? " file" : " files")));
  const summary = el("p", "summary", (entries.length - failed.length) + " converted \u00b7 "
    + warned.length + " with warnings \u00b7 ");
  summary.append(el("span", failed.length ? "bad" : "", failed.length + " failed"));
  document.body.append(summary);
  const totals = el("div", "totals");
  for (const { kind, english } of kinds) {
    const sum = entries.reduce((acc, entry) => acc + entry.counts[kind], 0);
    const chip = el("span", "chip kind-" + kind + (sum ? "" : " zero"), english);
    chip.append(el("b", "", sum));
    totals.append(chip);
  }
  document.body.append(totals);

  // ---- the chart: one column a file, in the table's order, its items stacked by kind
  const chartBox = el("figure", "chart-box");
  const chart = document.createElementNS(svgNS, "svg");
  chart.setAttribute("class", "chart");
  chart.setAttribute("preserveAspectRatio", "none");
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", "items found in each file");
  const caption = el("p");
  chartBox.append(chart, caption);
  document.body.append(chartBox);

  function drawChart(shown) {
    chart.replaceChildren();
    const highest = Math.max(1, ...shown.map(total));
    chart.setAttribute("viewBox", "0 0 " + Math.max(shown.length, 1) + " " + highest);
    shown.forEach((entry, column) => {
      const group = document.createElementNS(svgNS, "g");
      const tip = document.createElementNS(svgNS, "title");
      tip.textContent = entry.file + ": " + (entry.failure ? "failed"
        : kinds.filter(({ kind }) => entry.counts[kind]).map(({ kind, english }) =>
          entry.counts[kind] + " " + english).join(", ") || "no items");
      group.append(tip);
      let height = 0;
      // A failed file gets a pale column the chart's height, one with no items a short grey
      // mark, so that neither goes missing among two hundred columns.
      const stub = highest / 16;
      const bars = entry.failure ? [["failed-mark", highest]]
        : total(entry) === 0 ? [["empty-mark", stub]]
          : kinds.map(({ kind }) => ["kind-" + kind, entry.counts[kind]]);
      for (const [className, count] of bars) {
        if (!count) continue;
        const bar = document.createElementNS(svgNS, "rect");
        bar.setAttribute("class", className);
        bar.setAttribute("x", column + 0.08);
        bar.setAttribute("width", 0.84);
        bar.setAttribute("y", highest - height - count);
        bar.setAttribute("height", count);
        group.append(bar);
        height += count;
      }
      group.addEventListener("click", () => {
        entry.row.scrollIntoView({ block: "center" });
        entry.row.classList.add("flash");
        setTimeout(() => entry.row.classList.remove("flash"), 1200);
      });
      chart.append(group);
    });
    caption.replaceChildren(el("span", "", "items found in each file, in the table's order (red: failed, grey: no items); click a column for its row"),
      el("span", "", "tallest: " + highest));
  }

  // ---- the controls and the table
  const controls = el("div", "controls");
  const filter = el("input");
  filter.type = "search";
  filter.id = "filter";
  filter.placeholder = "filter: file, organisation, reason";
  filter.setAttribute("aria-label", "filter the files");
  const which = el("select");
  which.id = "which";
  which.setAttribute("aria-label", "which files");
  const choices = [["all", "all files"], ["warnings", "with warnings"], ["failed", "failed"], ["empty", "no items found"]];
  for (const [value, label] of choices) {
    const option = el("option", "", label);
    option.value = value;
    which.append(option);
  }
  const shownCount = el("span", "shown");
  shownCount.id = "shown";
  controls.append(filter, which, shownCount);
  document.body.append(controls);

  // (key, heading, class, value of an entry for sorting)
  const columns = [
    ["file", "file", "", (entry) => entry.file],
    ["organization", "organisation", "", (entry) => entry.organization || ""],
    ["period", "period", "", (entry) => entry.period || ""],
    ...kinds.map(({ kind, english }) => [kind, english, "number kind kind-" + kind,
      (entry) => (entry.failure ? -1 : entry.counts[kind])]),
    ["warnings", "warnings", "number", (entry) => (entry.failure ? -1 : entry.warnings)],
  ];
  const table = el("table", "files");
  table.id = "files";
  const headRow = el("tr");
  const headers = columns.map(([key, label, className]) => {
    const th = el("th", className);
    th.dataset.key = key;
    const button = el("button", "", label);
    button.type = "button";
    button.addEventListener("click", () => sortBy(key));
    th.append(button);
    headRow.append(th);
    return th;
  });
  const head = el("thead");
  head.append(headRow);
  const body = el("tbody");
  table.append(head, body);
  const tableBox = el("div", "table-box");
  tableBox.append(table);
  document.body.append(tableBox);

  for (const entry of entries) {
    const row = el("tr", entry.failure ? "failed" : "");
    row.dataset.file = entry.file;
    const fileCell = el("td", "file");
    if (entry.page) {
      const link = el("a", "", entry.file);
      link.href = entry.page;
      fileCell.append(link);
    } else {
      fileCell.textContent = entry.file;
    }
    row.append(fileCell);
    if (entry.failure) {
      const reason = el("td", "reason", entry.failure);
      reason.colSpan = columns.length - 1;
      row.append(reason);
    } else {
      row.append(el("td", "organization", entry.organization || "\u2014"), el("td", "period", entry.period || "\u2014"));
      for (const { kind } of kinds) {
        const count = entry.counts[kind];
        row.append(el("td", "number" + (count ? "" : " zero"), count));
      }
      row.append(el("td", "number" + (entry.warnings ? " warned" : " zero"), entry.warnings));
    }
    entry.row = row;
  }

  let order = { key: null, descending: false };
  function sortBy(key) {
    order = { key, descending: order.key === key ? !order.descending : false };
    show();
  }
  function visible(entry) {
    const needle = filter.value.trim().toLocaleLowerCase();
    const text = [entry.file, entry.organization, entry.failure].filter(Boolean).join(" ").toLocaleLowerCase();
    if (needle && !text.includes(needle)) return false;
    if (which.value === "warnings") return entry.warnings > 0;
    if (which.value === "failed") return Boolean(entry.failure);
    if (which.value === "empty") return !entry.failure && total(entry) === 0;
    return true;
  }
  function show() {
    let shown = entries.filter(visible);
    if (order.key) {
      const value = columns.find(([key]) => key === order.key)[3];
      shown = shown.slice().sort((a, b) => {
        const x = value(a), y = value(b);
        const compared = typeof x === "number" ? x - y : collator.compare(x, y);
        return (order.descending ? -compared : compared) || a.order - b.order;
      });
    }
    for (const th of headers) {
      if (th.dataset.key === order.key) th.setAttribute("aria-sort", order.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
    body.replaceChildren(...shown.map((entry) => entry.row));
    shownCount.textContent = shown.length === entries.length ? "" : shown.length + " of " + entries.length + " shown";
    drawChart(shown);
  }
  filter.addEventListener("input", show);
  which.addEventListener("change", show);
  show();
  document.documentElement.dataset.ready = "true";
})();
