// The page of `lintas serve`: a draft in a textarea, checked through the server's JSON API when
// the typing pauses; findings marked in a backdrop under the textarea and listed beside it.
//
// Invariants: text from the draft or the server is only ever put in the page as text
// (textContent, text nodes), never parsed as markup; fixes are applied to the text the findings
// were computed on, never to a text typed since; "apply all safe fixes" is done by the server,
// with the code `lintas check --fix` runs.
//
// The body's `data-busy` is set from the moment a check is due until its findings are shown (or
// it failed), `data-ready` once the rules are loaded: what a test driving the page waits on.
"use strict";

(() => {
  const WORDS = {
    id: {
      tagline: "Pemeriksa naskah berita terjemahan mesin",
      switch: "English",
      format: "Format",
      plain: "Teks biasa",
      date: "Tanggal artikel",
      dateHint: "bila naskah tidak menyebutnya",
      fixAll: "Terapkan semua perbaikan aman",
      draft: "Naskah (teks biasa atau Markdown)",
      placeholder: "Tempel atau ketik naskah di sini.",
      findings: "Temuan",
      keys: "Tab atau ↑ ↓ untuk berpindah, Enter untuk membuka.",
      explanation: "Penjelasan aturan",
      checking: "Memeriksa…",
      empty: "Belum ada naskah.",
      clean: "Tidak ada temuan.",
      count: (n, e, w, i) => `${n} temuan (${e} galat, ${w} peringatan${i ? `, ${i} info` : ""})`,
      fixable: (n) => (n ? ` · ${n} dapat diperbaiki otomatis` : ""),
      fixed: (n) => `${n} perbaikan diterapkan.`,
      apply: "Terapkan",
      review: "periksa dulu sebelum menerapkan",
      noFix: "Tidak ada perbaikan otomatis.",
      failed: "Gagal: ",
      unreachable: "Server tidak dapat dihubungi.",
      where: (l, c) => `baris ${l}, kolom ${c}`,
      severity: { error: "galat", warning: "peringatan", info: "info" },
      stale: "Naskah berubah; memeriksa ulang…",
    },
    en: {
      tagline: "A checker for machine-translated Indonesian news",
      switch: "Bahasa Indonesia",
      format: "Format",
      plain: "Plain text",
      date: "Article date",
      dateHint: "when the draft gives none",
      fixAll: "Apply all safe fixes",
      draft: "Draft (plain text or Markdown)",
      placeholder: "Paste or type a draft here.",
      findings: "Findings",
      keys: "Tab or ↑ ↓ to move, Enter to open.",
      explanation: "About the rule",
      checking: "Checking…",
      empty: "No draft yet.",
      clean: "No findings.",
      count: (n, e, w, i) =>
        `${n} finding${n === 1 ? "" : "s"} (${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}${i ? `, ${i} info` : ""})`,
      fixable: (n) => (n ? ` · ${n} fixable automatically` : ""),
      fixed: (n) => `${n} fix${n === 1 ? "" : "es"} applied.`,
      apply: "Apply",
      review: "review before applying",
      noFix: "No automatic fix.",
      failed: "Failed: ",
      unreachable: "The server cannot be reached.",
      where: (l, c) => `line ${l}, column ${c}`,
      severity: { error: "error", warning: "warning", info: "info" },
      stale: "The draft changed; checking again…",
    },
  };
  /** Milliseconds of quiet after typing before a check. */
  const PAUSE = 500;

  const $ = (id) => document.getElementById(id);
  const draft = $("draft");
  const backdrop = $("backdrop");
  const list = $("list");
  const status = $("status");
  const fixAll = $("fix-all");

  const state = {
    lang: document.documentElement.lang === "en" ? "en" : "id",
    rules: new Map(),
    /** The text the shown findings were computed on. */
    checked: null,
    /** The findings, each with `from`/`to`: UTF-16 indexes into `checked`. */
    findings: [],
    selected: -1,
    timer: 0,
    /** Sequence number of the latest request: older answers are dropped. */
    sequence: 0,
  };

  const t = () => WORDS[state.lang];

  function say(text, failed) {
    status.textContent = text;
    status.classList.toggle("failed", Boolean(failed));
  }

  async function call(path, body) {
    const response = await fetch(`${path}?lang=${state.lang}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || String(response.status));
    return answer;
  }

  function draftRequest(text) {
    const request = { text, format: $("format").value, lang: state.lang };
    if ($("date").value) request.date = $("date").value;
    return request;
  }

  /**
   * UTF-16 indexes of UTF-8 byte offsets into `text`, in one pass: the report counts bytes, the
   * textarea UTF-16 code units.
   */
  function indexesOf(text, offsets) {
    const wanted = [...new Set(offsets)].sort((a, b) => a - b);
    const found = new Map();
    let byte = 0;
    let k = 0;
    let i = 0;
    while (k < wanted.length) {
      while (k < wanted.length && wanted[k] <= byte) found.set(wanted[k++], i);
      if (i >= text.length) break;
      const code = text.codePointAt(i);
      byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      i += code >= 0x10000 ? 2 : 1;
    }
    for (; k < wanted.length; k++) found.set(wanted[k], text.length);
    return found;
  }

  /** The backdrop: the text, with each finding that does not overlap an earlier one marked. */
  function paint() {
    const text = draft.value;
    const nodes = [];
    let at = 0;
    if (text === state.checked) {
      state.findings.forEach((f, n) => {
        if (f.from < at || f.to <= f.from) return;
        nodes.push(document.createTextNode(text.slice(at, f.from)));
        const mark = document.createElement("mark");
        mark.className = f.d.severity;
        mark.dataset.finding = String(n);
        if (n === state.selected) mark.classList.add("active");
        mark.textContent = text.slice(f.from, f.to);
        nodes.push(mark);
        at = f.to;
      });
    }
    // A final newline needs a character after it to take up its line, as in the textarea.
    nodes.push(document.createTextNode(text.slice(at) + "\u200b"));
    backdrop.replaceChildren(...nodes);
    backdrop.scrollTop = draft.scrollTop;
  }

  function renderList() {
    const items = state.findings.map((f, n) => {
      const d = f.d;
      const button = document.createElement("button");
      button.type = "button";
      button.className = `finding ${d.severity}`;
      button.dataset.finding = String(n);
      const head = document.createElement("span");
      const sev = document.createElement("span");
      sev.className = `sev ${d.severity}`;
      sev.textContent = t().severity[d.severity] || d.severity;
      const rule = document.createElement("span");
      rule.className = "rule";
      rule.textContent = ` [${d.rule}] `;
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = t().where(d.span.line, d.span.column);
      head.append(sev, rule, where);
      const message = document.createElement("span");
      message.className = "text";
      message.textContent = d.message;
      button.append(head, document.createElement("br"), message);
      button.addEventListener("click", () => select(n, false));
      button.addEventListener("keydown", (e) => {
        const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
        if (!step) return;
        e.preventDefault();
        const next = list.querySelector(`button[data-finding="${n + step}"]`);
        if (next) next.focus();
      });
      const li = document.createElement("li");
      li.append(button);
      return li;
    });
    list.replaceChildren(...items);
  }

  function summarize(report) {
    const s = report.summary;
    if (!s.diagnostics) return say(draft.value.trim() ? t().clean : t().empty);
    const by = s.by_severity;
    const fixable = state.findings.filter((f) => f.d.fixes[0] && f.d.fixes[0].applicability === "safe").length;
    say(t().count(s.diagnostics, by.error, by.warning, by.info) + t().fixable(fixable));
  }

  /** Show finding `n`: its message, fixes and rule; focus stays where it was unless asked. */
  function select(n, keepFocus) {
    state.selected = n;
    const f = state.findings[n];
    for (const b of list.querySelectorAll("button")) {
      b.setAttribute("aria-current", String(b.dataset.finding === String(n)));
    }
    paint();
    const detail = $("detail");
    if (!f) {
      detail.hidden = true;
      return;
    }
    const d = f.d;
    detail.hidden = false;
    $("detail-title").textContent = `${t().severity[d.severity] || d.severity}[${d.rule}]`;
    $("detail-message").textContent = d.message;
    $("detail-notes").textContent = d.notes.join("\n");
    const fixes = d.fixes.map((fix, k) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = fix.applicability === "safe" ? "safe" : "unsafe";
      b.dataset.fix = String(k);
      b.textContent = `${t().apply}: ${fix.message}` + (fix.applicability === "safe" ? "" : ` (${t().review})`);
      b.addEventListener("click", () => applyFix(n, k));
      return b;
    });
    if (!fixes.length) {
      const none = document.createElement("p");
      none.className = "hint";
      none.textContent = t().noFix;
      fixes.push(none);
    }
    $("detail-fixes").replaceChildren(...fixes);
    const rule = state.rules.get(d.rule);
    $("detail-explain").textContent = rule ? rule.explanation : "";
    const mark = backdrop.querySelector(`mark[data-finding="${n}"]`);
    if (mark) {
      draft.scrollTop = Math.max(0, mark.offsetTop - draft.clientHeight / 3);
      backdrop.scrollTop = draft.scrollTop;
    }
    detail.scrollIntoView({ block: "nearest" });
    if (!keepFocus) {
      const first = $("detail-fixes").querySelector("button");
      if (first) first.focus();
    }
  }

  /** Apply fix `k` of finding `n` to the text it was computed on. */
  function applyFix(n, k) {
    const f = state.findings[n];
    if (!f || draft.value !== state.checked) return check();
    const edits = f.d.fixes[k].edits;
    const at = indexesOf(state.checked, edits.flatMap((e) => [e.start, e.end]));
    const sorted = [...edits].sort((a, b) => b.start - a.start);
    let text = state.checked;
    for (const e of sorted) {
      text = text.slice(0, at.get(e.start)) + e.replacement + text.slice(at.get(e.end));
    }
    replaceDraft(text);
    check();
    draft.focus();
  }

  /** Put `text` in the textarea, keeping the scroll position. */
  function replaceDraft(text) {
    const top = draft.scrollTop;
    draft.value = text;
    draft.scrollTop = top;
  }

  async function check() {
    clearTimeout(state.timer);
    const text = draft.value;
    const sequence = ++state.sequence;
    document.body.dataset.busy = "true";
    if (!text.trim()) {
      show(text, { files: [{ diagnostics: [] }], summary: { diagnostics: 0 } });
      return;
    }
    say(t().checking);
    try {
      const report = await call("/api/v1/check", draftRequest(text));
      // Typed over since: the check the typing scheduled will show its own findings.
      if (sequence !== state.sequence || draft.value !== text) return;
      show(text, report);
    } catch (e) {
      if (sequence !== state.sequence) return;
      delete document.body.dataset.busy;
      say(t().failed + (e instanceof TypeError ? t().unreachable : e.message), true);
    }
  }

  function show(text, report) {
    const diagnostics = report.files.length ? report.files[0].diagnostics : [];
    const at = indexesOf(text, diagnostics.flatMap((d) => [d.span.start, d.span.end]));
    state.checked = text;
    state.findings = diagnostics.map((d) => ({ d, from: at.get(d.span.start), to: at.get(d.span.end) }));
    state.selected = -1;
    $("detail").hidden = true;
    renderList();
    paint();
    summarize(report);
    delete document.body.dataset.busy;
    document.body.dataset.checks = String(Number(document.body.dataset.checks || 0) + 1);
  }

  async function fixEverything() {
    const text = draft.value;
    if (!text.trim()) {
      delete document.body.dataset.busy;
      return;
    }
    const sequence = ++state.sequence;
    document.body.dataset.busy = "true";
    fixAll.disabled = true;
    try {
      const answer = await call("/api/v1/fix", draftRequest(text));
      if (sequence !== state.sequence || draft.value !== text) return check();
      replaceDraft(answer.text);
      await check();
      say(`${t().fixed(answer.fixed)} ${status.textContent}`);
    } catch (e) {
      delete document.body.dataset.busy;
      say(t().failed + (e instanceof TypeError ? t().unreachable : e.message), true);
    } finally {
      fixAll.disabled = false;
    }
  }

  async function loadRules() {
    try {
      const rules = await call("/api/v1/rules");
      state.rules = new Map(rules.map((r) => [r.id, r]));
    } catch (e) {
      say(t().failed + (e instanceof TypeError ? t().unreachable : e.message), true);
    }
  }

  function translate() {
    document.documentElement.lang = state.lang;
    for (const el of document.querySelectorAll("[data-i18n]")) {
      el.textContent = t()[el.dataset.i18n];
    }
    for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
      el.placeholder = t()[el.dataset.i18nPlaceholder];
    }
    $("lang").setAttribute("aria-pressed", String(state.lang === "en"));
  }

  draft.addEventListener("input", () => {
    // Marks of an older text would sit in the wrong places: gone until the next check.
    paint();
    document.body.dataset.busy = "true";
    clearTimeout(state.timer);
    state.timer = setTimeout(check, PAUSE);
  });
  draft.addEventListener("scroll", () => {
    backdrop.scrollTop = draft.scrollTop;
  });
  $("format").addEventListener("change", check);
  $("date").addEventListener("change", check);
  fixAll.addEventListener("click", () => {
    document.body.dataset.busy = "true";
    fixEverything();
  });
  $("lang").addEventListener("click", async () => {
    document.body.dataset.busy = "true";
    state.lang = state.lang === "id" ? "en" : "id";
    translate();
    await loadRules();
    await check();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !$("detail").hidden) {
      const current = list.querySelector(`button[data-finding="${state.selected}"]`);
      $("detail").hidden = true;
      if (current) current.focus();
    }
  });

  translate();
  loadRules().then(() => {
    document.body.dataset.ready = "true";
    if (draft.value) check();
    else say(t().empty);
  });
})();
