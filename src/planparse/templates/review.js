// The review page, drawn from the document embedded above. Every text goes into the page
// through textContent, never as HTML, so a plan that holds markup shows it as text.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("planparse-data").textContent);
  const plan = data.document;
  const kinds = new Map(data.kinds.map(([kind, thai, english]) => [kind, { thai, english }]));

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function spanLabel(span) {
    return span.start_line === span.end_line ? "line " + span.start_line
      : "lines " + span.start_line + "-" + span.end_line;
  }
  function heading(tag, kind, count) {
    const names = kinds.get(kind);
    const node = el(tag, count === 0 ? "empty" : "", names.thai + " ");
    node.append(el("small", "", names.english + (count === undefined ? "" : " (" + count + ")")));
    return node;
  }

  // Every item in document order (as flat.py lists them): the vision, the plan's lists,
  // then each strategy followed by its own lists.
  const items = [];
  function addItem(kind, number, text, span, strategy) {
    const item = { index: items.length, kind, number, text, span, strategy, button: null };
    items.push(item);
    return item;
  }
  if (plan.vision) addItem("vision", null, plan.vision.text, plan.vision.span, null);
  for (const [field, kind] of data.plan_lists) {
    for (const entry of plan[field]) addItem(kind, entry.number, entry.text, entry.span, null);
  }
  for (const strategy of plan.strategies) {
    const head = addItem("strategy", strategy.number, strategy.title, strategy.span, null);
    for (const [field, kind] of data.strategy_lists) {
      for (const entry of strategy[field]) addItem(kind, entry.number, entry.text, entry.span, head);
    }
  }

  const counts = new Map(data.kinds.map(([kind]) => [kind, 0]));
  for (const item of items) counts.set(item.kind, counts.get(item.kind) + 1);

  // ---- the header: whose plan, which years, which file, how many of each kind
  document.body.className = "review dim-unused";
  const top = el("header", "top");
  if (data.index) {
    const back = el("a", "back", "\u2190 index");
    back.href = data.index;
    back.title = "the batch's index of every file";
    top.append(back);
  }
  const title = el("h1", "", plan.organization ? plan.organization.name : "organisation not found");
  if (plan.organization && plan.organization.kind) title.append(el("small", "", plan.organization.kind));
  top.append(title);
  top.append(el("span", "period", plan.period
    ? "พ.ศ. " + plan.period.start_year + "\u2013" + plan.period.end_year : "period not found"));
  if (plan.source) {
    top.append(el("span", "meta", plan.source.path + " \u00b7 " + plan.source.encoding + " \u00b7 "
      + data.lines.length + " lines"));
  }
  const countList = el("span", "counts");
  countList.id = "counts";
  for (const [kind, count] of counts) {
    const chip = el("span", "chip kind-" + kind + (count ? "" : " zero"), kinds.get(kind).english);
    chip.dataset.kind = kind;
    chip.append(el("b", "", count));
    countList.append(chip);
  }
  top.append(countList);
  const tools = el("label", "tools");
  const dimmer = el("input");
  dimmer.type = "checkbox";
  dimmer.id = "dim-unused";
  dimmer.checked = true;
  dimmer.addEventListener("change", () => document.body.classList.toggle("dim-unused", dimmer.checked));
  tools.append(dimmer, "dim lines no item uses");
  top.append(tools);

  // ---- the plan as a tree
  const panes = el("main", "panes");
  const tree = el("section", "pane plan");
  tree.id = "plan";
  tree.setAttribute("aria-label", "the plan");

  function itemButton(item) {
    const button = el("button", "item kind-" + item.kind);
    button.type = "button";
    button.dataset.item = item.index;
    button.dataset.kind = item.kind;
    button.dataset.start = item.span.start_line;
    button.dataset.end = item.span.end_line;
    if (item.number) button.append(el("span", "num", item.number));
    button.append(el("span", "text", item.text), el("span", "lines", spanLabel(item.span)));
    button.addEventListener("click", () => selectItem(item, { scrollSource: true }));
    item.button = button;
    return button;
  }
  function itemList(listed) {
    const list = el("ul", "items");
    for (const item of listed) {
      const entry = el("li");
      entry.append(itemButton(item));
      list.append(entry);
    }
    return list;
  }

  const warnings = plan.warnings || [];
  if (warnings.length) {
    // Open when short; a long list is one click away, so that it does not push the plan out of sight.
    const box = el("details", "warnings");
    box.id = "warnings";
    box.open = warnings.length <= 5;
    const summary = el("summary");
    summary.append(el("h2", "", "\u26a0 " + warnings.length + (warnings.length === 1 ? " warning" : " warnings")));
    box.append(summary);
    const list = el("ul");
    warnings.forEach((warning, index) => {
      const entry = el("li", "warning");
      entry.dataset.warning = index;
      const code = el("code", "", warning.code);
      if (warning.span) {
        const link = el("button", "warning-link", spanLabel(warning.span));
        link.type = "button";
        link.dataset.start = warning.span.start_line;
        link.dataset.end = warning.span.end_line;
        link.addEventListener("click", () => selectWarning(warning, link));
        entry.append(code, link);
      } else {
        entry.append(code, el("span", "lines", "the whole text"));
      }
      entry.append(el("span", "message", warning.message));
      list.append(entry);
    });
    box.append(list);
    tree.append(box);
  }

  tree.append(heading("h2", "vision"));
  const vision = items.filter((item) => item.kind === "vision");
  if (vision.length) tree.append(itemList(vision));
  else tree.append(el("p", "empty", "none found"));
  for (const [, kind] of data.plan_lists) {
    const listed = items.filter((item) => item.kind === kind && !item.strategy);
    tree.append(heading("h2", kind, listed.length));
    if (listed.length) tree.append(itemList(listed));
  }
  const strategies = items.filter((item) => item.kind === "strategy");
  tree.append(heading("h2", "strategy", strategies.length));
  for (const head of strategies) {
    const block = el("div", "strategy");
    block.append(itemButton(head));
    const lists = el("div", "strategy-lists");
    for (const [, kind] of data.strategy_lists) {
      const listed = items.filter((item) => item.strategy === head && item.kind === kind);
      if (!listed.length) continue;
      lists.append(heading("h3", kind, listed.length), itemList(listed));
    }
    block.append(lists);
    tree.append(block);
  }

  // ---- the source, line by line, with page breaks (and page images, when given)
  const source = el("section", "pane source");
  source.id = "source";
  source.setAttribute("aria-label", "the source text");
  const readout = el("div", "readout");
  readout.id = "readout";
  readout.append(el("span", "hint", "Select an item to see its lines, or a line to see its item."));
  source.append(readout);
  source.style.setProperty("--gutter", (String(data.lines.length).length + 2) + "ch");

  // Which items each line belongs to, innermost (shortest span) first.
  const lineItems = new Map();
  for (const item of items) {
    const last = Math.min(item.span.end_line, data.lines.length);
    for (let number = item.span.start_line; number <= last; number += 1) {
      if (!lineItems.has(number)) lineItems.set(number, []);
      lineItems.get(number).push(item);
    }
  }
  const width = (item) => item.span.end_line - item.span.start_line;
  for (const listed of lineItems.values()) listed.sort((a, b) => width(a) - width(b) || a.index - b.index);
  const warnedLines = new Set(warnings.filter((w) => w.span).map((w) => w.span.start_line));

  const lineNodes = [null];
  const pages = data.pages;
  const images = data.images || {};
  let page = null;
  let pageBlock = null;
  const fragment = document.createDocumentFragment();
  data.lines.forEach((text, index) => {
    const number = index + 1;
    const linePage = pages ? pages[index] : null;
    if (pageBlock === null || linePage !== page) {
      page = linePage;
      pageBlock = el("div", "page");
      if (page !== null) {
        pageBlock.dataset.page = page;
        pageBlock.append(el("div", "page-break", "หน้า " + page + " \u00b7 page " + page));
        if (images[page]) {
          pageBlock.classList.add("with-image");
          const image = el("img", "page-image");
          image.alt = "page " + page;
          image.src = "data:image/png;base64," + images[page];
          image.title = "click to enlarge the page, again to shrink it";
          const block = pageBlock;
          image.addEventListener("click", () => block.classList.toggle("zoomed"));
          pageBlock.append(image);
        }
      }
      pageBlock.append(el("div", "page-lines"));
      fragment.append(pageBlock);
    }
    const owners = lineItems.get(number);
    const row = el("div", "line" + (owners ? " used kind-" + owners[0].kind : " unused")
      + (warnedLines.has(number) ? " warned" : ""));
    row.id = "L" + number;
    row.dataset.line = number;
    row.append(el("span", "ln", number), el("span", "tx", text.replace(/\f/g, "")));
    pageBlock.lastChild.append(row);
    lineNodes.push(row);
  });
  source.append(fragment);
  source.addEventListener("click", (event) => {
    const row = event.target.closest(".line");
    if (row) selectLine(Number(row.dataset.line));
  });

  panes.append(tree, source);
  document.body.append(top, panes);

  // ---- selection: an item, a warning or a line lights up its lines and its item
  let selected = { item: null, lines: [], marks: [] };

  function clearSelection() {
    for (const node of selected.marks) node.classList.remove("selected");
    selected = { item: null, lines: [], marks: [] };
  }
  function markLines(span) {
    const last = Math.min(span.end_line, data.lines.length);
    for (let number = span.start_line; number <= last; number += 1) {
      lineNodes[number].classList.add("selected");
      selected.marks.push(lineNodes[number]);
    }
  }
  function revealLines(span) {
    const first = lineNodes[Math.min(span.start_line, data.lines.length)];
    const last = lineNodes[Math.min(span.end_line, data.lines.length)];
    if (!first) return;
    const view = source.clientHeight - readout.offsetHeight;
    const top = offsetIn(first, source);
    const height = offsetIn(last, source) + last.offsetHeight - top;
    source.scrollTop = top - readout.offsetHeight - Math.max(view - height, 0) / 3;
  }
  // An item out of view, or under its strategy's sticky title, is brought to the middle.
  function revealItem(button) {
    const pane = tree.getBoundingClientRect();
    const box = button.getBoundingClientRect();
    const title = button.classList.contains("kind-strategy") ? null : button.closest(".strategy")?.firstChild;
    const covered = title ? title.getBoundingClientRect().height : 0;
    if (box.top >= pane.top + covered && box.bottom <= pane.bottom) return;
    tree.scrollTop += box.top - pane.top - (pane.height - box.height) / 2;
  }
  function offsetIn(node, container) {
    return node.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  }
  function describe(item) {
    const parts = [el("span", "chip kind-" + item.kind, item.kind + (item.number ? " " + item.number : ""))];
    parts.push(el("span", "lines", spanLabel(item.span) + (item.span.page ? " \u00b7 page " + item.span.page : "")));
    if (item.strategy) parts.push(el("span", "hint", "in strategy " + (item.strategy.number || item.strategy.text)));
    parts.push(el("span", "quote", item.text));
    return parts;
  }

  function selectItem(item, { scrollSource }) {
    clearSelection();
    selected.item = item;
    item.button.classList.add("selected");
    selected.marks.push(item.button);
    markLines(item.span);
    readout.replaceChildren(...describe(item));
    if (scrollSource) revealLines(item.span);
    else revealItem(item.button);
  }
  function selectWarning(warning, link) {
    clearSelection();
    link.classList.add("selected");
    selected.marks.push(link);
    markLines(warning.span);
    readout.replaceChildren(el("code", "", warning.code), el("span", "lines", spanLabel(warning.span)),
      el("span", "quote", warning.message));
    revealLines(warning.span);
  }
  function selectLine(number) {
    const owners = lineItems.get(number) || [];
    if (!owners.length) {
      clearSelection();
      markLines({ start_line: number, end_line: number });
      readout.replaceChildren(el("span", "hint", "Line " + number + " is not part of any item."));
      return;
    }
    // A second click on a line that several items share moves to the next of them.
    const at = owners.indexOf(selected.item);
    const item = owners[(at + 1) % owners.length];
    selectItem(item, { scrollSource: false });
    if (owners.length > 1) {
      readout.append(el("span", "hint", "(" + (owners.indexOf(item) + 1) + " of " + owners.length
        + " items on line " + number + ": click it again for the next)"));
    }
  }
  document.documentElement.dataset.ready = "true";
})();
