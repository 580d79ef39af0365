'use strict';
// The Node.js binding over the C API. Run by the suite (ctest node-binding) as
// `node --test` with REPLYLINT_NODE_ADDON=<replylint.node>, REPLYLINT_TEST_PACKS=tests/c_api/packs,
// REPLYLINT_TEST_CONTEXT_PACKS=tests/context_pack and REPLYLINT_TEST_INLINE_PACK=tests/inline_pack.yaml
// (the pack given as text).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const replylint = require('..');

const PACKS = process.env.REPLYLINT_TEST_PACKS;
const CONTEXT_PACKS = process.env.REPLYLINT_TEST_CONTEXT_PACKS;
const MEM_PACK = fs.readFileSync(process.env.REPLYLINT_TEST_INLINE_PACK, 'utf8');
const engine = replylint.Engine.fromDirectory(PACKS);

test('version', () => {
  assert.match(replylint.version, /^\d+\.\d+\.\d+$/);
});

test('violations carry UTF-16 offsets that slice JavaScript strings', () => {
  const reply = '😊亲，加我微信吧';
  const report = engine.check(reply);
  assert.equal(report.points, 6);
  assert.equal(report.invalidUtf8, false);
  assert.equal(report.violations.length, 1);
  const v = report.violations[0];
  assert.equal(v.rule, 'shop.wechat');
  assert.equal(v.pack, 'shop');
  assert.equal(v.title, '提供微信');
  assert.equal(v.points, 6);
  assert.equal(reply.slice(v.utf16Start, v.utf16End), '微信');
  assert.deepEqual([v.utf16Start, v.utf16End, v.charStart, v.charEnd, v.start, v.end], [6, 8, 5, 7, 16, 22]);
  assert.equal(Buffer.from(reply).subarray(v.start, v.end).toString(), '微信');
  assert.equal(v.text, '微信');
  assert.ok(v.message.includes('微信'));
  assert.ok(v.suggestion.length > 0);
});

test('clean replies, several violations, Buffers and invalid UTF-8', () => {
  assert.equal(engine.check('您好，请问有什么可以帮您？').violations.length, 0);
  const report = engine.check('👍👍 电话 138 1234 5678，保证今天发货');
  assert.deepEqual(report.violations.map((v) => v.rule), ['shop.phone', 'promise.guarantee']);
  assert.equal(report.points, 10);
  const bytes = Buffer.from([0xe5, 0x8a, 0xa0, 0xff, 0xe5, 0xbe, 0xae, 0xc0, 0xe4, 0xbf, 0xa1]);  // 加\xff微\xc0信
  const bad = engine.check(bytes);
  assert.equal(bad.invalidUtf8, true);
  assert.deepEqual([bad.violations[0].start, bad.violations[0].end], [4, 11]);
  // A lone surrogate becomes U+FFFD, one UTF-16 unit either way: offsets stay exact.
  const lone = '\ud800加我微信';
  assert.equal(lone.slice(engine.check(lone).violations[0].utf16Start, engine.check(lone).violations[0].utf16End), '微信');
  assert.equal(engine.check('').violations.length, 0);
});

test('mask hides what the engine reads as digits and e-mail local parts', () => {
  assert.equal(replylint.mask('电话 138 1234 5678'), '电话 138 **** 5678');
  assert.equal(replylint.mask('电话⑴⑶⑻⑴⑵⑶⑷⑸⑹⑺⑻'), '电话⑴⑶⑻****⑸⑹⑺⑻');
  assert.equal(replylint.mask('发到 zhang.san@qq.com'), '发到 *********@qq.com');
  assert.equal(replylint.mask('价格1234元'), '价格1234元');
  const reply = '电话 13812345678';
  const v = engine.check(reply).violations[0];
  assert.equal(replylint.mask(reply).slice(v.utf16Start, v.utf16End), '138****5678');
  // A Buffer gives a Buffer: bytes that are not UTF-8 are copied.
  assert.deepEqual(replylint.mask(Buffer.from([0x31, 0x32, 0xff, 0x33, 0x34, 0x35])),
                   Buffer.from([0x2a, 0x2a, 0xff, 0x2a, 0x2a, 0x2a]));
  assert.equal(replylint.mask(''), '');
  assert.throws(() => replylint.mask(42), TypeError);
  assert.throws(() => replylint.mask(), TypeError);
});

test('per-call options', () => {
  const reply = '加我微信，电话13812345678，保证今天发货';
  assert.equal(engine.check(reply).violations.length, 3);
  const shop = new replylint.CheckOptions({only: ['shop'], skip: ['shop.phone']});
  assert.deepEqual(engine.check(reply, shop).violations.map((v) => v.rule), ['shop.wechat']);
  assert.equal(engine.check(reply, {points: {'shop.wechat': 12, 'promise.guarantee': 0}}).points, 18);
  assert.equal(engine.check('加我微信', {maxReplyBytes: 12}).violations.length, 1);
  assert.throws(() => engine.check('加我微信吧', {maxReplyBytes: 12}), {code: 'REPLYLINT_ERR_TOO_LONG'});
  assert.throws(() => engine.check(reply, {skip: ['shop.nope']}), {code: 'REPLYLINT_ERR_INVALID_ARGUMENT', rule: 'shop.nope'});
  assert.throws(() => new replylint.CheckOptions({points: {'shop.wechat': 49}}), {code: 'REPLYLINT_ERR_INVALID_ARGUMENT'});
  assert.throws(() => new replylint.CheckOptions({only: 'shop'}), TypeError);
});

test('engines from YAML text; compile errors name file, line, column and rule', () => {
  const mem = replylint.Engine.fromYaml(MEM_PACK, 'mem.yaml');
  assert.deepEqual(mem.rules().map((r) => [r.id, r.platform_rule]), [['mem.qq', 'mem.qq']]);
  assert.equal(mem.check('加扣扣 88886666 吧').violations[0].text, '88886666');
  const both = replylint.Engine.fromYaml([{file: 'mem.yaml', yaml: MEM_PACK},
                                          {file: 'shop.yaml', yaml: fs.readFileSync(path.join(PACKS, 'shop.yaml'), 'utf8')}]);
  assert.equal(both.rules().length, 3);
  assert.throws(() => replylint.Engine.fromYaml(MEM_PACK.replace("'(?:qq", "'((?:qq"), 'bad.yaml'),
                {code: 'REPLYLINT_ERR_BAD_PATTERN', file: 'bad.yaml', line: 15, rule: 'mem.qq'});
  assert.throws(() => replylint.Engine.fromYaml(MEM_PACK.replace('patterns:', 'paterns:'), 'typo.yaml'),
                {code: 'REPLYLINT_ERR_SCHEMA'});
  assert.throws(() => replylint.Engine.fromDirectory('/nonexistent/replylint'), {code: 'REPLYLINT_ERR_IO'});
  mem.close();
  assert.throws(() => mem.check('x'), {code: 'REPLYLINT_ERR_BAD_HANDLE'});
});

test('the buyer\'s message as context: a rule with buyer: fires only when asked', () => {
  const shop = replylint.Engine.fromDirectory(CONTEXT_PACKS);
  const report = shop.check('有的，稍等', null, {buyer: '有QQ吗？'});
  assert.equal(report.points, 6);
  assert.equal(report.violations.length, 1);
  const v = report.violations[0];
  assert.deepEqual([v.rule, v.text, v.platformRule, v.counted], ['shop.qq-consent', '有的', 'shop.qq-consent', true]);
  assert.equal(shop.check('有的，稍等', undefined, {buyer: Buffer.from('有QQ吗？')}).violations.length, 1);
  for (const context of [undefined, null, {}, {buyer: ''}, {buyer: '有现货吗？'}])
    assert.equal(shop.check('有的，稍等', null, context).violations.length, 0);
  assert.equal(shop.check('亲，我们只在旺旺上服务哦', null, {buyer: '有QQ吗？'}).violations.length, 0);
  assert.equal(shop.check('有的，稍等', {skip: ['shop.qq-consent']}, {buyer: '有QQ吗？'}).violations.length, 0);
  assert.throws(() => shop.check('有的', {maxReplyBytes: 8}, {buyer: '请问你们有没有QQ号'}),
                {code: 'REPLYLINT_ERR_TOO_LONG'});
  assert.throws(() => shop.check('有的', null, {buyer: 42}), {code: 'REPLYLINT_ERR_INVALID_ARGUMENT'});
  assert.throws(() => shop.check('有的', null, '有QQ吗'), TypeError);
  shop.close();
});

test('violations of one platform rule count once, at the highest', () => {
  const shop = replylint.Engine.fromDirectory(CONTEXT_PACKS);
  const report = shop.check('买家叫李四，他的身份证号是110105194912310021');
  assert.deepEqual(report.violations.map((v) => [v.rule, v.platformRule, v.counted, v.points]),
                   [['shop.name', 'shop.leak', true, 6], ['shop.id-number', 'shop.leak', false, 4]]);
  assert.equal(report.points, 6);
  shop.close();
});

test('bad arguments throw, never crash', () => {
  assert.throws(() => engine.check(42), TypeError);
  assert.throws(() => engine.check(), TypeError);
  assert.throws(() => replylint.Engine.fromYaml(42), TypeError);
  const addon = require('../addon');
  assert.throws(() => addon.check({}, 'x'), TypeError);
  assert.throws(() => addon.check(new replylint.CheckOptions()._handle, 'x'), TypeError);
  assert.throws(() => addon.check(engine._handle, 'x', {}), TypeError);
});

test('reload: a new engine replaces the old one; the old one still answers', () => {
  let current = replylint.Engine.fromDirectory(PACKS);
  const inFlight = current;
  current = replylint.Engine.fromYaml(MEM_PACK);
  assert.equal(inFlight.check('加我微信').violations.length, 1);
  assert.equal(current.check('加我微信').violations.length, 0);
});
