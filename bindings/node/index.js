'use strict';
// replylint for Node.js and Electron: check customer-service replies against Taobao/Tmall rules.
//
//   const replylint = require('./bindings/node');
//   const engine = replylint.Engine.fromEmbedded();   // or .fromDirectory('rules'),
//                                                     // or .fromYaml(packText, 'shop.yaml')
//   const report = engine.check('亲,加我微信 abc12345');
//   for (const v of report.violations)
//     console.log(v.rule, v.points, reply.slice(v.utf16Start, v.utf16End), v.suggestion);
//
//   const shop = new replylint.CheckOptions({skip: ['shipping-promise'],
//                                            points: {'off-platform.wechat': 12}, maxReplyBytes: 2000});
//   engine.check(draft, shop);
//   engine.check('有的，稍等', null, {buyer: '有QQ吗？'});   // the buyer's last message as context
//
//   log(replylint.mask(reply));   // '电话138****5678': phone, ID numbers, e-mail local parts hidden
//
// JavaScript strings index UTF-16 code units: use utf16Start/utf16End to mark spans in the
// reply (start/end are UTF-8 bytes, charStart/charEnd code points). Errors are thrown as Error
// objects with code ('REPLYLINT_ERR_SCHEMA', ...), status, file, line, column and rule.
// Checks are synchronous and take microseconds. To reload rules, build a new Engine and
// replace the old one; close() frees an engine at once instead of at garbage collection.
//
// The addon (replylint.node, from replylint_node.c) is built by CMake and found through
// $REPLYLINT_NODE_ADDON, or built by `npm install` with node-gyp (addon.js).
const addon = require('./addon');

class CheckOptions {
  // {only: [ids], skip: [ids], points: {ruleId: 0..48}, maxReplyBytes: n}; ids name packs or rules.
  constructor(options = {}) {
    this._handle = addon.optionsNew(options);
  }
}

class Engine {
  constructor(handle) {
    this._handle = handle;
  }

  static fromEmbedded() {
    return new Engine(addon.engineFromEmbedded());
  }

  static fromDirectory(dir) {
    return new Engine(addon.engineFromDirectory(String(dir)));
  }

  // One pack's YAML text, or an array of {file, yaml}.
  static fromYaml(packs, file = '<memory>') {
    return new Engine(addon.engineFromYaml(typeof packs === 'string' ? [{file, yaml: packs}] : packs));
  }

  // reply: a string or a Buffer of UTF-8 bytes; options: a CheckOptions, a plain object, or
  // null; context: {buyer}, the buyer's last message (string or Buffer) that the reply answers:
  // rules that judge a consent (asked for a QQ number, answered 有的) fire only with it.
  // Returns {points, invalidUtf8, violations: [{rule, pack, title, points, start, end,
  // charStart, charEnd, utf16Start, utf16End, text, message, suggestion, platformRule, counted}]}:
  // of the violations sharing a platformRule only the one with the most points is counted
  // into points.
  check(reply, options, context) {
    let handle;
    if (options instanceof CheckOptions) handle = options._handle;
    else if (options != null) handle = new CheckOptions(options)._handle;
    if (context != null && typeof context !== 'object')
      throw new TypeError('check(reply, options, context): context must be an object such as {buyer}');
    return addon.check(this._handle, reply, handle, context == null ? undefined : context.buyer);
  }

  rules() {
    return addon.rules(this._handle);
  }

  close() {
    addon.engineClose(this._handle);
  }
}

// `text` (a string, or a Buffer of UTF-8 bytes, giving a Buffer back) with phone, ID and card
// numbers (digit runs of 5 or more: 138****5678) and e-mail local parts masked, every digit form
// the engine reads as a digit included (include/replylint/mask.hpp). One '*' per masked code
// point: a violation's charStart/charEnd index the result too (utf16 offsets do not when a
// masked character was above U+FFFF).
function mask(text) {
  return addon.mask(text);
}

module.exports = {Engine, CheckOptions, mask, version: addon.version()};
