'use strict';
// A chat client's send path in JavaScript (Node.js, Electron): every draft the agent types (one
// per line of standard input) is checked before it is "sent"; a draft that breaks a rule is held
// back and the agent sees where, what it would cost the shop, and a compliant way to say it.
// A line "> TEXT" is a message from the buyer: the drafts after it answer it, and are checked
// with it as their context.
//
//   REPLYLINT_NODE_ADDON=build/bindings/node/replylint.node node examples/chat_client.js [RULES_DIR] < drafts.txt
//
// Prints exactly what examples/chat_client.cpp prints; the test suite checks it.
const fs = require('fs');
const path = require('path');
const replylint = require(path.join(__dirname, '..', 'bindings', 'node'));

// Once, at start-up: compile the rules into an engine that every conversation shares.
let engine;
try {
  engine = process.argv[2] ? replylint.Engine.fromDirectory(process.argv[2]) : replylint.Engine.fromEmbedded();
} catch (e) {
  console.error(e.message);  // "shop.yaml:12:7: error: … [shop.x]"
  process.exit(2);
}
const shop = new replylint.CheckOptions({maxReplyBytes: 2000});  // every rule applies, drafts up to 2000 bytes

const lines = fs.readFileSync(0, 'utf8').split('\n');
if (lines[lines.length - 1] === '') lines.pop();
let out = '';
let buyer;  // the buyer's last message
let n = 0;
lines.forEach((draft) => {
  if (draft.startsWith('> ')) {  // the buyer wrote
    buyer = draft.slice(2);
    return;
  }
  n += 1;
  // Before each send: check the draft as the answer to the buyer's last message (synchronous, microseconds).
  let report;
  try {
    report = engine.check(draft, shop, {buyer});
  } catch (e) {
    out += `draft ${n}: held back, not checked: ${e.message}\n`;
    return;
  }
  if (report.violations.length === 0) {
    out += `draft ${n}: sent\n`;
    return;
  }
  out += `draft ${n}: held back, ${report.points} points at risk\n`;
  for (const v of report.violations) {
    // utf16Start/utf16End are UTF-16 code units: what JavaScript strings index.
    out += `  ${draft.slice(0, v.utf16Start)}[[${v.text}]]${draft.slice(v.utf16End)}\n` +
           `  ${v.rule} (${v.points} points${v.counted ? '' : `, not counted: ${v.platformRule} counts once`}): ${v.message}\n` +
           `  try instead: ${v.suggestion}\n`;
  }
});
process.stdout.write(out);
