// The page for editors: a draft, its findings highlighted in place, and a list by rule.
//
// Findings arrive as 1-based line/column positions in the text that was sent
// (columns count code points, end columns are exclusive); the page turns them
// into offsets of that same text, and keeps them in step while the editor types.
"use strict";

(() => {
  const DEBOUNCE_MS = 700;
  const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
  const FORMAT_BY_EXTENSION = {
    txt: "text", text: "text", md: "markdown", markdown: "markdown", mdown: "markdown",
    html: "html", htm: "html", xhtml: "html", docx: "docx",
  };

  const $ = (id) => document.getElementById(id);
  const draft = $("draft");
  const backdrop = $("backdrop");
  const highlights = $("highlights");
  const editor = $("editor");
  const formatSelect = $("format");
  const statusLine = $("status");
  const groupsBox = $("groups");
  const countBox = $("count");
  const tooltip = $("tooltip");
  const atCursor = $("at-cursor");
  const liveBox = $("live");
  const fileInput = $("file");

  // What the page knows: findings as offsets into `state.text`, which is the
  // textarea's value (adjusted on every edit until the next check answers).
  const state = {
    text: "",
    findings: [],
    activeId: null,
    returnFocusTo: null,
    sequence: 0,
    controller: null,
    timer: null,
  };

  // ---- positions -----------------------------------------------------------

  function lineStarts(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return starts;
  }

  // Offset of 1-based (line, column) in `text`, columns counted in code points.
  function offsetAt(text, starts, line, column) {
    if (line > starts.length) return text.length;
    let i = starts[Math.max(0, line - 1)];
    for (let k = 1; k < column && i < text.length; k++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    }
    return i;
  }

  function lineEnd(text, offset) {
    let i = offset;
    while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    return i;
  }

  // The related spot has a start only: mark up to the end of its sentence (or line).
  function relatedEnd(text, start) {
    const stop = lineEnd(text, start);
    const rest = text.slice(start, stop);
    const m = /[.!?]["'\u201d\u2019)]*(\s|$)/.exec(rest);
    return m ? start + m.index + m[0].trimEnd().length : stop;
  }

  function toFindings(report, text) {
    const starts = lineStarts(text);
    const file = report.files[0];
    return file.findings.map((f, id) => {
      const start = offsetAt(text, starts, f.line, f.column);
      const end = Math.max(start, offsetAt(text, starts, f.end_line, f.end_column));
      const related = (f.related || [])
        .filter((r) => !r.path)
        .map((r) => {
          const rs = offsetAt(text, starts, r.line, r.column);
          return { start: rs, end: Math.max(rs + 1, relatedEnd(text, rs)), line: r.line, message: r.message };
        });
      let fix = null;
      if (f.fix) {
        const fs = offsetAt(text, starts, f.fix.line, f.fix.column);
        const fe = Math.max(fs, offsetAt(text, starts, f.fix.end_line, f.fix.end_column));
        fix = { start: fs, end: fe, replacement: f.fix.replacement, original: text.slice(fs, fe) };
      }
      return {
        id, rule: f.rule, severity: f.severity, message: f.message, line: f.line, column: f.column,
        start, end, related, fix,
      };
    });
  }

  // Keep spans on their words while the text is edited: shift what follows
  // the edit, drop what the edit touched.
  function adjustForEdit(oldText, newText) {
    let p = 0;
    const limit = Math.min(oldText.length, newText.length);
    while (p < limit && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
    let s = 0;
    while (s < limit - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
    const oldEnd = oldText.length - s;
    const delta = newText.length - oldText.length;
    const move = (span) => {
      if (span.start >= oldEnd) return { ...span, start: span.start + delta, end: span.end + delta };
      if (span.end <= p) return span;
      return null;
    };
    const kept = [];
    for (const f of state.findings) {
      const moved = move(f);
      if (!moved) continue;
      moved.related = f.related.map(move).filter(Boolean);
      moved.fix = f.fix ? move(f.fix) : null;
      kept.push(moved);
    }
    state.findings = kept;
  }

  // ---- painting ------------------------------------------------------------

  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  }

  function paint() {
    const text = state.text;
    const points = new Set([0, text.length]);
    for (const f of state.findings) {
      points.add(f.start); points.add(f.end);
      for (const r of f.related) { points.add(r.start); points.add(r.end); }
    }
    const cuts = [...points].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
    const html = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k], b = cuts[k + 1];
      const piece = escapeHtml(text.slice(a, b));
      const ids = [], rules = [], rel = [];
      let worst = 0, sev = "";
      for (const f of state.findings) {
        if (f.start <= a && b <= f.end && f.end > f.start) {
          ids.push(f.id); rules.push(f.rule);
          if (SEVERITY_RANK[f.severity] > worst) { worst = SEVERITY_RANK[f.severity]; sev = f.severity; }
        }
        if (f.related.some((r) => r.start <= a && b <= r.end)) rel.push(f.id);
      }
      if (!ids.length && !rel.length) { html.push(piece); continue; }
      const cls = [];
      if (ids.length) cls.push("hl", `sev-${escapeHtml(sev)}`);
      if (rel.length) cls.push("rel");
      const active = state.activeId !== null && (ids.includes(state.activeId) || rel.includes(state.activeId));
      if (active) cls.push("active");
      html.push(
        `<mark class="${cls.join(" ")}" data-ids="${ids.join(" ")}" data-rules="${escapeHtml(rules.join(" "))}"` +
          ` data-related-of="${rel.join(" ")}">${piece}</mark>`,
      );
    }
    // a trailing newline needs a character after it to take up its line
    highlights.innerHTML = html.join("") + "\n ";
    syncScroll();
  }

  function syncLayout() {
    backdrop.style.width = `${draft.clientWidth}px`;
    backdrop.style.height = `${draft.clientHeight}px`;
    highlights.style.width = `${draft.clientWidth}px`;
    syncScroll();
  }

  function syncScroll() {
    backdrop.scrollTop = draft.scrollTop;
    backdrop.scrollLeft = draft.scrollLeft;
  }

  function renderList() {
    groupsBox.textContent = "";
    const n = state.findings.length;
    countBox.textContent = n ? `(${n})` : "";
    const order = [];
    const byRule = new Map();
    for (const f of state.findings) {
      if (!byRule.has(f.rule)) { byRule.set(f.rule, []); order.push(f.rule); }
      byRule.get(f.rule).push(f);
    }
    // the worst problems first; within a severity, in the order they appear
    const worst = (rule) => Math.max(...byRule.get(rule).map((f) => SEVERITY_RANK[f.severity] || 0));
    order.sort((a, b) => worst(b) - worst(a));
    for (const rule of order) {
      const items = byRule.get(rule);
      const section = document.createElement("section");
      section.className = "group";
      section.setAttribute("aria-label", `${rule}: ${items.length} finding${items.length === 1 ? "" : "s"}`);
      const h = document.createElement("h3");
      h.textContent = rule;
      const count = document.createElement("span");
      count.className = "n";
      count.textContent = String(items.length);
      h.append(count);
      section.append(h, aboutRule(rule));
      const ul = document.createElement("ul");
      for (const f of items) ul.append(findingItem(f));
      section.append(ul);
      groupsBox.append(section);
    }
  }

  function lineOf(offset) {
    const starts = lineStarts(state.text);
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: [...state.text.slice(starts[lo], offset)].length + 1 };
  }

  function findingItem(f) {
    const li = document.createElement("li");
    li.className = `sev-${f.severity}`;
    li.dataset.id = String(f.id);
    const where = lineOf(f.start);
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "finding-btn";
    btn.dataset.id = String(f.id);
    const whereSpan = document.createElement("span");
    whereSpan.className = "where";
    const sev = document.createElement("span");
    sev.className = "sev";
    sev.textContent = f.severity;
    whereSpan.append(sev, ` · line ${where.line}, column ${where.column}`);
    const msg = document.createElement("span");
    msg.className = "msg";
    msg.textContent = f.message;
    btn.append(whereSpan, msg);
    btn.addEventListener("click", () => goTo(f.id, btn));
    li.append(btn);
    const actions = document.createElement("div");
    actions.className = "finding-actions";
    for (const r of f.related) {
      const rb = document.createElement("button");
      rb.type = "button";
      rb.className = "related-btn";
      const rl = lineOf(r.start).line;
      rb.textContent = `Show line ${rl}`;
      rb.setAttribute("aria-label", `Show the related spot on line ${rl}${r.message ? `: ${r.message}` : ""}`);
      if (r.message) rb.title = r.message;
      rb.addEventListener("click", () => goTo(f.id, rb, r));
      actions.append(rb);
    }
    if (f.fix) {
      const fb = document.createElement("button");
      fb.type = "button";
      fb.className = "fix-btn";
      const label = f.fix.replacement ? `Replace with \u201c${f.fix.replacement}\u201d` : "Delete it";
      fb.textContent = `Apply: ${label}`;
      fb.setAttribute("aria-label", `Apply the suggestion: ${label.toLowerCase()} (line ${where.line})`);
      fb.addEventListener("click", () => applyFix(f.id));
      actions.append(fb);
    }
    if (actions.childElementCount) li.append(actions);
    return li;
  }

  const ruleDocs = new Map();
  function aboutRule(rule) {
    const details = document.createElement("details");
    details.className = "about";
    const summary = document.createElement("summary");
    summary.textContent = "About this rule";
    const pre = document.createElement("pre");
    pre.textContent = ruleDocs.get(rule) || "Loading\u2026";
    details.append(summary, pre);
    details.addEventListener("toggle", async () => {
      if (!details.open || ruleDocs.has(rule)) return;
      try {
        const res = await fetch(`/v1/rules/${encodeURIComponent(rule)}`);
        const body = await res.json();
        const text = res.ok ? body.text : body.error.message;
        ruleDocs.set(rule, text);
        pre.textContent = text;
      } catch (err) {
        pre.textContent = "Could not load the rule's documentation.";
      }
    });
    return details;
  }

  function setStatus(text, isError = false) {
    statusLine.textContent = text;
    statusLine.classList.toggle("error", isError);
  }

  // ---- moving around -------------------------------------------------------

  function markFor(id, related) {
    const attr = related ? "data-related-of" : "data-ids";
    for (const m of highlights.querySelectorAll("mark")) {
      if (m.getAttribute(attr).split(" ").includes(String(id))) return m;
    }
    return null;
  }

  function setActive(id) {
    state.activeId = id;
    for (const li of groupsBox.querySelectorAll("li")) li.classList.toggle("active", li.dataset.id === String(id));
    for (const b of groupsBox.querySelectorAll(".finding-btn")) {
      if (b.dataset.id === String(id)) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    }
    for (const m of highlights.querySelectorAll("mark")) {
      const on = id !== null && (m.dataset.ids.split(" ").includes(String(id)) ||
        m.dataset.relatedOf.split(" ").includes(String(id)));
      m.classList.toggle("active", on);
    }
  }

  // Select a finding (or its related spot) in the draft and scroll it into view.
  function goTo(id, from, related) {
    const f = state.findings.find((x) => x.id === id);
    if (!f) return;
    setActive(id);
    state.returnFocusTo = from || null;
    const span = related || f;
    draft.focus({ preventScroll: true });
    draft.setSelectionRange(span.start, Math.max(span.start, span.end));
    const mark = markFor(id, Boolean(related));
    if (mark) {
      draft.scrollTop = Math.max(0, mark.offsetTop - draft.clientHeight / 3);
      syncScroll();
    }
    editor.scrollIntoView({ block: "nearest" });
    showAtCursor();
  }

  function step(direction) {
    if (!state.findings.length) return;
    const caret = draft.selectionStart;
    const sorted = [...state.findings].sort((a, b) => a.start - b.start || a.id - b.id);
    let target;
    if (direction > 0) target = sorted.find((f) => f.start > caret) || sorted[0];
    else target = [...sorted].reverse().find((f) => f.start < caret && f.id !== state.activeId) || sorted[sorted.length - 1];
    goTo(target.id, state.returnFocusTo);
  }

  function findingsAt(offset) {
    return state.findings.filter((f) => f.start <= offset && offset <= f.end && f.end > f.start);
  }

  function describe(list) {
    return list.map((f) => `${f.rule} (${f.severity}): ${f.message}`).join(" \u2014 ");
  }

  function showTooltip(list, rect) {
    if (!list.length) { hideTooltip(); return; }
    tooltip.textContent = "";
    for (const f of list) {
      const p = document.createElement("p");
      const r = document.createElement("span");
      r.className = "rule";
      r.textContent = `${f.rule}: `;
      p.append(r, f.message);
      tooltip.append(p);
    }
    tooltip.hidden = false;
    const top = rect.bottom + 6 + tooltip.offsetHeight > window.innerHeight ? rect.top - tooltip.offsetHeight - 6 : rect.bottom + 6;
    tooltip.style.top = `${Math.max(4, top)}px`;
    tooltip.style.left = `${Math.max(4, Math.min(rect.left, window.innerWidth - tooltip.offsetWidth - 8))}px`;
  }

  function hideTooltip() {
    tooltip.hidden = true;
  }

  // What the caret sits in is shown by the words and read out by screen readers.
  function showAtCursor() {
    if (document.activeElement !== draft) { atCursor.textContent = ""; return; }
    const list = findingsAt(draft.selectionStart);
    atCursor.textContent = list.length ? describe(list) : "";
    const mark = list.length ? markFor(list[0].id, false) : null;
    const rect = mark ? visibleRect(mark) : null;
    if (rect) showTooltip(list, rect);
    else hideTooltip();
  }

  // The part of a mark that shows inside the draft's box, or null when it is scrolled away.
  function visibleRect(mark) {
    const box = draft.getBoundingClientRect();
    for (const r of mark.getClientRects()) {
      if (r.bottom > box.top && r.top < box.bottom) return r;
    }
    return null;
  }

  function onPointer(event) {
    const marks = document.elementsFromPoint(event.clientX, event.clientY).filter((el) => el.matches && el.matches("mark.hl"));
    if (!marks.length) {
      if (document.activeElement !== draft || !findingsAt(draft.selectionStart).length) hideTooltip();
      return;
    }
    const ids = marks[0].dataset.ids.split(" ").map(Number);
    const list = state.findings.filter((f) => ids.includes(f.id));
    const rects = marks[0].getClientRects();
    let rect = marks[0].getBoundingClientRect();
    for (const r of rects) if (event.clientY >= r.top && event.clientY <= r.bottom) rect = r;
    showTooltip(list, rect);
  }

  // ---- checking ------------------------------------------------------------

  function currentFormat() {
    return formatSelect.value;
  }

  async function post(body) {
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    const res = await fetch("/v1/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    let data = null;
    try { data = await res.json(); } catch (err) { data = null; }
    if (!res.ok) {
      const message = data && data.error ? data.error.message : `the server answered ${res.status}`;
      throw new Error(res.status === 401 ? "This server needs its token: open /?token=YOUR_TOKEN once." : message);
    }
    return data;
  }

  async function runCheck() {
    clearTimeout(state.timer);
    const text = draft.value;
    const seq = ++state.sequence;
    if (!text.trim()) {
      state.text = text;
      state.findings = [];
      paint(); renderList();
      setStatus("Paste a draft and press Check.");
      return;
    }
    setStatus("Checking\u2026");
    try {
      const report = await post({ text, format: currentFormat() });
      if (seq !== state.sequence || draft.value !== text) return; // a newer edit or check supersedes this one
      adopt(report, text);
    } catch (err) {
      if (err.name === "AbortError") return;
      if (seq === state.sequence) setStatus(`Could not check: ${err.message}`, true);
    }
  }

  function adopt(report, text) {
    state.text = text;
    state.findings = toFindings(report, text);
    if (!state.findings.some((f) => f.id === state.activeId)) state.activeId = null;
    paint();
    renderList();
    setActive(state.activeId);
    const n = state.findings.length;
    const notices = (report.files[0].notices || []).join(" ");
    setStatus(`${n ? `${n} finding${n === 1 ? "" : "s"}` : "No findings"} in ${report.files[0].path}.${notices ? ` ${notices}` : ""}`);
    showAtCursor();
  }

  function scheduleCheck() {
    clearTimeout(state.timer);
    if (liveBox.checked) state.timer = setTimeout(runCheck, DEBOUNCE_MS);
  }

  async function applyFix(id) {
    const f = state.findings.find((x) => x.id === id);
    if (!f || !f.fix) return;
    const { start, end, original } = f.fix;
    if (draft.value !== state.text || draft.value.slice(start, end) !== original) {
      setStatus("The draft changed under this suggestion; checking again.", true);
      await runCheck();
      return;
    }
    const replacement = currentFormat() === "html" ? escapeHtml(f.fix.replacement).replace(/&quot;/g, '"') : f.fix.replacement;
    const index = state.findings.indexOf(f);
    draft.focus({ preventScroll: true });
    draft.setSelectionRange(start, end);
    // insertText keeps the edit on the undo stack; setRangeText is the fallback
    if (!document.execCommand("insertText", false, replacement)) {
      draft.setRangeText(replacement, start, end, "end");
    }
    adjustForEdit(state.text, draft.value);
    state.text = draft.value;
    paint(); renderList();
    await runCheck();
    const buttons = groupsBox.querySelectorAll(".finding-btn");
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) next.focus(); else $("findings").focus();
  }

  // ---- files ---------------------------------------------------------------

  function toBase64(buffer) {
    const bytes = new Uint8Array(buffer);
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }

  async function openFile(file) {
    if (!file) return;
    const ext = (file.name.split(".").pop() || "").toLowerCase();
    const fmt = FORMAT_BY_EXTENSION[ext];
    if (!fmt) { setStatus(`${file.name}: open a .txt, .md, .html or .docx file.`, true); return; }
    const option = [...formatSelect.options].find((o) => o.value === fmt);
    if (fmt !== "docx" && option && option.disabled) {
      setStatus(`${file.name}: this server does not read ${fmt} files.`, true);
      return;
    }
    if (fmt !== "docx") {
      formatSelect.value = fmt;
      draft.value = await file.text();
      onInput();
      await runCheck();
      return;
    }
    setStatus(`Reading ${file.name}\u2026`);
    const seq = ++state.sequence;
    try {
      const report = await post({ docx: toBase64(await file.arrayBuffer()), filename: file.name, include_source: true });
      if (seq !== state.sequence) return;
      // the .docx's text, one paragraph a line, is what its positions point into
      const source = report.files[0].source;
      formatSelect.value = "text";
      draft.value = source;
      adopt(report, source);
    } catch (err) {
      if (err.name !== "AbortError") setStatus(`Could not check ${file.name}: ${err.message}`, true);
    }
  }

  // ---- events --------------------------------------------------------------

  function onInput() {
    adjustForEdit(state.text, draft.value);
    state.text = draft.value;
    paint();
    renderList();
    setActive(state.activeId);
    scheduleCheck();
  }

  draft.addEventListener("input", onInput);
  draft.addEventListener("scroll", () => { syncScroll(); if (!tooltip.hidden) showAtCursor(); });
  draft.addEventListener("mousemove", onPointer);
  draft.addEventListener("mouseleave", () => { if (document.activeElement !== draft) hideTooltip(); });
  draft.addEventListener("blur", () => { hideTooltip(); atCursor.textContent = ""; });
  document.addEventListener("selectionchange", () => { if (document.activeElement === draft) showAtCursor(); });
  draft.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); runCheck(); }
    else if (event.key === "F8") { event.preventDefault(); step(event.shiftKey ? -1 : 1); }
    else if (event.key === "Escape") {
      hideTooltip();
      const back = state.returnFocusTo && document.contains(state.returnFocusTo) ? state.returnFocusTo : null;
      const target = back || groupsBox.querySelector(`.finding-btn[data-id="${state.activeId}"]`) || $("findings");
      event.preventDefault();
      target.focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hideTooltip();
  });
  $("check").addEventListener("click", runCheck);
  $("open").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => { openFile(fileInput.files[0]); fileInput.value = ""; });
  formatSelect.addEventListener("change", () => { if (draft.value.trim()) runCheck(); });
  liveBox.addEventListener("change", () => { if (liveBox.checked) scheduleCheck(); });

  let dragDepth = 0;
  editor.addEventListener("dragenter", (event) => { event.preventDefault(); dragDepth++; editor.classList.add("dragging"); $("drop-hint").hidden = false; });
  editor.addEventListener("dragover", (event) => event.preventDefault());
  editor.addEventListener("dragleave", () => {
    if (--dragDepth <= 0) { dragDepth = 0; editor.classList.remove("dragging"); $("drop-hint").hidden = true; }
  });
  editor.addEventListener("drop", (event) => {
    event.preventDefault();
    dragDepth = 0;
    editor.classList.remove("dragging");
    $("drop-hint").hidden = true;
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file) openFile(file);
  });

  // offer only the formats this server reads
  fetch("/healthz")
    .then((res) => (res.ok ? res.json() : null))
    .then((health) => {
      if (!health) return;
      for (const option of formatSelect.options) option.disabled = !health.formats.includes(option.value);
    })
    .catch(() => {});

  new ResizeObserver(syncLayout).observe(draft);
  window.addEventListener("resize", syncLayout);
  syncLayout();
  paint();
})();
