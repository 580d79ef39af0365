// Types a draft into the page at / in headless chromium and checks what an agent sees: the
// offending words highlighted, the points, the rule's message, the suggestion and its copy
// button; then the rule browser. Saves a screenshot (SCREENSHOT) as the test's artifact.
"use strict";
const { spawn } = require("node:child_process");
const assert = require("node:assert/strict");
const puppeteer = require("puppeteer-core");

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.env.REPLYLINT, ["serve", "--listen", "127.0.0.1:0", "--rules", process.env.PACKS],
                       { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    proc.stderr.on("data", (d) => {
      log += d;
      const m = log.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve({ proc, url: m[1] });
    });
    proc.on("error", reject);
    proc.on("exit", (code) => reject(new Error("server exited " + code + ": " + log)));
  });
}

async function main() {
  const { proc, url } = await startServer();
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  try {
    const context = browser.defaultBrowserContext();
    await context.overridePermissions(url.replace(/\/$/, ""), ["clipboard-read", "clipboard-write", "clipboard-sanitized-write"]);
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 760 });
    const failed = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    page.on("pageerror", (e) => failed.push("page error: " + e.message));
    page.on("request", (r) => { if (!r.url().startsWith(url)) failed.push("left the server: " + r.url()); });
    await page.goto(url, { waitUntil: "networkidle0" });

    await page.type("#buyer", "能加个微信吗？");
    await page.type("#draft", "😊亲，方便的话加我微信吧，保证今天发货", { delay: 15 });
    // Highlight as typed: both offending spans marked in place, in order.
    await page.waitForFunction(() => document.querySelectorAll("#backdrop mark").length === 2, { timeout: 10000 });
    const marks = await page.$$eval("#backdrop mark", (ms) => ms.map((m) => m.textContent));
    assert.deepEqual(marks, ["微信", "保证今天发货"]);
    assert.equal(await page.$eval("#backdrop", (b) => b.textContent.trimEnd()), "😊亲，方便的话加我微信吧，保证今天发货");
    // The marks sit over the words in the textarea (same box, same lines).
    const box = await page.$eval("#backdrop mark", (m) => { const r = m.getBoundingClientRect(); return [r.width, r.height]; });
    assert.ok(box[0] > 10 && box[1] > 10, "highlight has no size: " + box);

    const summary = await page.$eval("#summary", (s) => [s.textContent, s.dataset.points]);
    assert.deepEqual(summary, ["2 处违规，扣 10 分", "10"]);
    const items = await page.$$eval(".violation", (vs) => vs.map((v) => ({
      points: v.querySelector(".points").textContent, rule: v.querySelector(".rule").textContent,
      message: v.querySelector(".message").textContent, suggestion: v.querySelector(".suggestion").textContent })));
    assert.deepEqual(items.map((i) => [i.rule, i.points]), [["shop.wechat", "-6 分"], ["promise.guarantee", "-4 分"]]);
    assert.match(items[0].message, /主动提供微信/);
    assert.equal(items[0].suggestion, "亲，有问题请直接在旺旺留言，我们随时为您服务。");

    await page.click(".violation .copy");
    await page.waitForFunction(() => document.querySelector(".violation .copy").textContent === "已复制");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), items[0].suggestion);

    await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });

    // Fixing the draft clears it.
    await page.$eval("#draft", (d) => { d.value = ""; });
    await page.type("#draft", "亲，有问题请直接在旺旺留言");
    await page.waitForFunction(() => document.querySelector("#summary").textContent === "没有发现违规");
    assert.equal(await page.$$eval("#backdrop mark", (ms) => ms.length), 0);

    // The rule browser: every pack, every rule, its examples with the span marked.
    await page.click("#tab-rules");
    await page.waitForFunction(() => document.querySelectorAll(".rule-card").length === 3);
    const packs = await page.$$eval(".pack h2", (hs) => hs.map((h) => h.textContent));
    assert.equal(packs.length, 2);
    assert.match(packs[1], /shop，2 条规则/);
    const bad = await page.$$eval(".rule-card .bad mark", (ms) => ms.map((m) => m.textContent));
    assert.ok(bad.includes("微.信"), "examples: " + bad);
    await page.type("#filter", "shop.phone");
    assert.equal(await page.$$eval(".rule-card:not([hidden])", (cs) => cs.length), 1);
    assert.deepEqual(failed, []);
    console.log("page test: highlight, points, message, suggestion, copy, rule browser ok; screenshot " + process.env.SCREENSHOT);
  } finally {
    await browser.close();
    proc.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
