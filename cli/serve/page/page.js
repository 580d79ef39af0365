// The page of `replylint serve`: checks the draft as the agent types (POST /v1/check), marks
// the offending words in place, and lists the rules (GET /v1/rules). No library, no network
// beyond this server.
"use strict";

const $ = (id) => document.getElementById(id);
const draft = $("draft"), buyer = $("buyer"), backdrop = $("backdrop");
let token = sessionStorage.getItem("replylint-token") || "";
let sent = 0, shown = 0, timer = 0;

function headers() {
  const h = { "Content-Type": "application/json" };
  if (token) h.Authorization = "Bearer " + token;
  return h;
}

async function call(method, path, body) {
  const res = await fetch(path, { method, headers: headers(), body: body && JSON.stringify(body) });
  if (res.status === 401) {
    $("token-box").hidden = false;
    throw new Error("需要令牌");
  }
  const doc = await res.json();
  if (!res.ok) throw new Error(doc.error || res.statusText);
  return doc;
}

function status(text) { $("status").textContent = text; }

// Violations index the draft in code points (char_start/char_end); a JS string is UTF-16.
function marked(text, violations) {
  const chars = Array.from(text);
  const spans = violations.map((v) => [v.char_start, v.char_end]).sort((a, b) => a[0] - b[0]);
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [s, e] of spans) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    out.append(chars.slice(at, start).join(""));
    const m = document.createElement("mark");
    m.textContent = chars.slice(start, e).join("");
    out.append(m);
    at = e;
  }
  out.append(chars.slice(at).join(""));
  return out;
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (_) {  // pages served over plain http outside localhost have no clipboard API
    const area = document.createElement("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  button.textContent = "已复制";
  setTimeout(() => { button.textContent = "复制建议"; }, 1500);
}

function render(text, record) {
  backdrop.replaceChildren(marked(text, record.violations));
  backdrop.append("\n");  // a trailing line break in the textarea still takes a line
  const summary = $("summary"), list = $("violations");
  list.replaceChildren();
  if (record.error) {
    summary.className = "summary flagged";
    summary.textContent = "没有检查：" + record.error;
    return;
  }
  if (!text.trim()) {
    summary.className = "summary clean";
    summary.textContent = "还没有内容";
    return;
  }
  summary.className = "summary " + (record.points > 0 || record.violations.length ? "flagged" : "clean");
  summary.textContent = record.violations.length
    ? `${record.violations.length} 处违规，扣 ${record.points} 分`
    : "没有发现违规";
  summary.dataset.points = record.points;
  for (const v of record.violations) {
    const item = $("violation").content.firstElementChild.cloneNode(true);
    item.querySelector(".points").textContent = `-${v.points} 分`;
    item.querySelector(".title").textContent = v.title;
    item.querySelector(".rule").textContent = v.rule;
    const words = document.createElement("mark");
    words.textContent = v.text;
    item.querySelector(".words").append("违规文字：", words);
    item.querySelector(".message").textContent = v.message;
    item.querySelector(".suggestion").textContent = v.suggestion;
    const button = item.querySelector(".copy");
    button.addEventListener("click", () => copy(v.suggestion, button));
    list.append(item);
  }
}

async function check() {
  const text = draft.value, id = ++sent;
  try {
    const doc = await call("POST", "/v1/check", { replies: [{ reply: text, buyer: buyer.value }] });
    if (id < shown) return;  // an older answer arriving late
    shown = id;
    render(text, doc.replies[0]);
    status("");
  } catch (e) {
    status("检查失败：" + e.message);
  }
}

function schedule() {
  backdrop.scrollTop = draft.scrollTop;
  clearTimeout(timer);
  timer = setTimeout(check, 120);
}

function example(text, bad) {
  const li = document.createElement("li");
  if (!bad) {
    li.textContent = text;
    return li;
  }
  // Violating examples mark the expected span [[like this]].
  for (const [i, part] of text.split(/\[\[|\]\]/).entries()) {
    if (i % 2) {
      const m = document.createElement("mark");
      m.textContent = part;
      li.append(m);
    } else {
      li.append(part);
    }
  }
  return li;
}

function ruleCard(r) {
  const card = document.createElement("article");
  card.className = "rule-card";
  card.dataset.search = [r.id, r.title, r.message, r.suggestion, r.source].join(" ").toLowerCase();
  const h = document.createElement("h3");
  const code = document.createElement("code");
  code.textContent = r.id;
  h.append(`${r.title}  -${r.points} 分  `, code);
  const p = (label, text) => {
    const el = document.createElement("p");
    el.textContent = label + text;
    return el;
  };
  const bad = document.createElement("ul"), good = document.createElement("ul");
  bad.className = "bad";
  good.className = "good";
  r.violating.forEach((t) => bad.append(example(t, true)));
  r.compliant.forEach((t) => good.append(example(t, false)));
  card.append(h, p("违规：", r.message), p("建议：", r.suggestion), p("来源：", r.source),
              p("违规的例子：", ""), bad, p("合规的例子：", ""), good);
  return card;
}

async function loadRules() {
  try {
    const doc = await call("GET", "/v1/rules");
    const root = $("packs");
    root.replaceChildren();
    for (const pack of doc.packs) {
      const section = document.createElement("section");
      section.className = "pack";
      const h = document.createElement("h2");
      h.textContent = `${pack.title}（${pack.id}，${pack.rules.length} 条规则）`;
      section.append(h, ...pack.rules.map(ruleCard));
      root.append(section);
    }
    status(`${doc.rules} 条规则，${doc.packs.length} 个规则包`);
  } catch (e) {
    status("读取规则失败：" + e.message);
  }
}

function filterRules() {
  const q = $("filter").value.trim().toLowerCase();
  for (const card of document.querySelectorAll(".rule-card")) card.hidden = q && !card.dataset.search.includes(q);
}

function show(tab) {
  for (const t of ["check", "rules"]) {
    $(t).hidden = t !== tab;
    $("tab-" + t).classList.toggle("active", t === tab);
  }
  if (tab === "rules") loadRules();
}

draft.addEventListener("input", schedule);
buyer.addEventListener("input", schedule);
draft.addEventListener("scroll", () => { backdrop.scrollTop = draft.scrollTop; });
$("filter").addEventListener("input", filterRules);
$("tab-check").addEventListener("click", () => show("check"));
$("tab-rules").addEventListener("click", () => show("rules"));
$("token-save").addEventListener("click", () => {
  token = $("token").value.trim();
  sessionStorage.setItem("replylint-token", token);
  $("token-box").hidden = true;
  check();
});
check();
