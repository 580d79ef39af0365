// Unit tests of lint/: position mapping of every reader (the offsets behind
// FILE:LINE:COLUMN), YAML scalar re-reading against yaml-cpp, masking, hashing, excludes and
// suppression directives. The CLI as a whole is tested by run.sh (golden) and the others.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "lint/check_file.hpp"
#include "lint/config.hpp"
#include "lint/decode.hpp"
#include "lint/glob.hpp"
#include "lint/mask.hpp"
#include "lint/readers.hpp"
#include "lint/sha256.hpp"
#include "lint/source.hpp"
#include "lint/suppress.hpp"
#include "lint/utf8.hpp"
#include "lint/yaml_scalar.hpp"
#include "replylint/tools/yaml_mark.hpp"

using namespace replylint::lint;

namespace {

// "LINE:COLUMN" of byte `i` of a reply (i == size: its end).
std::string at(const SourceText& src, const Reply& r, std::size_t i) {
  const auto p = src.position(r.origin[i]);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// LINE:COLUMN of the first occurrence of `needle` in the reply.
std::string find(const SourceText& src, const Reply& r, const std::string& needle) {
  const std::size_t i = r.text.find(needle);
  REQUIRE(i != std::string::npos);
  return at(src, r, i);
}

}  // namespace

TEST_CASE("positions: lines end at LF, CR and a BOM are not columns, columns count characters") {
  const SourceText src("\xEF\xBB\xBF" "ab\r\n微信x\n\xFFz");
  CHECK(src.position(3).line == 1);
  CHECK(src.position(3).column == 1);  // after the BOM
  CHECK(src.position(4).column == 2);
  CHECK(src.position(7).line == 2);
  CHECK(src.position(7 + 6).column == 3);  // after two 3-byte characters
  CHECK(src.position(16).column == 2);     // an invalid byte counts as one
  CHECK(src.line_text(1) == "ab");
  CHECK(src.line_text(2) == "微信x");
}

TEST_CASE("txt: one reply a line, comments, CRLF, BOM") {
  const std::string bytes = "\xEF\xBB\xBF" "加我微信\r\n# 注释\r\n#双十一#活动\r\n\r\n  电话 138\r\n";
  const SourceText src(bytes);
  const ReadResult r = read_source(FileKind::kTxt, src, {});
  REQUIRE(r.replies.size() == 3);
  CHECK(r.replies[0].text == "加我微信");
  CHECK(find(src, r.replies[0], "微信") == "1:3");
  CHECK(r.replies[1].text == "#双十一#活动");  // a hashtag, not a comment
  CHECK(find(src, r.replies[2], "138") == "5:6");
  REQUIRE(r.comments.size() == 1);
  CHECK(r.comments[0].body == "注释");
}

TEST_CASE("txt: invalid UTF-8 makes that line an error, the rest is read") {
  const SourceText src("您好\n加我\xFF微信\n电话\n");
  const ReadResult r = read_source(FileKind::kTxt, src, {});
  REQUIRE(r.replies.size() == 2);
  REQUIRE(r.problems.size() == 1);
  CHECK(src.position(r.problems[0].offset).line == 2);
  CHECK(src.position(r.problems[0].offset).column == 3);
}

TEST_CASE("csv: quoted multi-line cells, doubled quotes, CRLF, the reply column by name") {
  const std::string bytes = "标题,回复内容\r\n一,\"含\"\"引号\"\"，\r\n第二行加我微信\"\r\n二,普通\r\n";
  const SourceText src(bytes);
  const ReadResult r = read_source(FileKind::kCsv, src, {});
  REQUIRE(!r.fatal);
  REQUIRE(r.replies.size() == 2);
  CHECK(r.replies[0].text == "含\"引号\"，\n第二行加我微信");
  CHECK(find(src, r.replies[0], "引号") == "2:7");
  CHECK(find(src, r.replies[0], "微信") == "3:6");
  CHECK(at(src, r.replies[0], r.replies[0].text.size()) == "3:8");  // the closing quote
  CHECK(r.replies[0].where == "row 2, 回复内容");
  CHECK(r.replies[1].text == "普通");
}

TEST_CASE("csv: configured columns, TSV, and errors with positions") {
  ReadSettings only;
  only.columns = {"话术"};
  const SourceText tsv("话术\t内容\n甲\t乙\n");
  ReadResult r = read_source(FileKind::kTsv, tsv, only);
  REQUIRE(r.replies.size() == 1);
  CHECK(r.replies[0].text == "甲");

  const SourceText open("内容\n\"没有结束\n");
  r = read_source(FileKind::kCsv, open, {});
  REQUIRE(r.fatal);
  CHECK(open.position(r.fatal->offset).line == 2);
  CHECK(open.position(r.fatal->offset).column == 1);

  const SourceText none("a,b\n1,2\n");
  r = read_source(FileKind::kCsv, none, {});
  REQUIRE(r.fatal);
  CHECK(r.fatal->message.find("no reply column") != std::string::npos);
}

TEST_CASE("json: escapes map to their source, keys select replies, paths name them") {
  const std::string bytes = "{\"g\": [{\"title\": \"加我微信\", \"content\": \"\\ud83d\\ude00\\u52a0\\u6211\\u5fae\\u4fe1 \\\"x\\\"\"}],\n"
                            " \"reply\": [\"a\", {\"deep\": \"深\"}]}";
  const SourceText src(bytes);
  const ReadResult r = read_source(FileKind::kJson, src, {});
  REQUIRE(!r.fatal);
  REQUIRE(r.replies.size() == 3);
  const Reply& c = r.replies[0];
  CHECK(c.text == "\xF0\x9F\x98\x80" "加我微信 \"x\"");
  CHECK(c.where == "g[0].content");
  CHECK(find(src, c, "加") == "1:50");  // the \u52a0 escape, after the 12-character surrogate pair
  CHECK(find(src, c, "微") == "1:62");
  CHECK(find(src, c, "\"x") == "1:75");
  CHECK(r.replies[1].where == "reply[0]");
  CHECK(r.replies[2].where == "reply[1].deep");  // everything under a reply key
}

TEST_CASE("json: a lone surrogate skips that string only; syntax errors stop the file") {
  const SourceText src("[\"\\udc00 加我\", \"好\"]");
  ReadResult r = read_source(FileKind::kJson, src, {});
  REQUIRE(!r.fatal);
  CHECK(r.replies.size() == 1);
  REQUIRE(r.problems.size() == 1);
  CHECK(src.position(r.problems[0].offset).column == 3);
  const SourceText bad("{\"content\": \"a\" \"b\"}");
  r = read_source(FileKind::kJson, bad, {});
  REQUIRE(r.fatal);
  CHECK(bad.position(r.fatal->offset).column == 17);
  ReadSettings all;
  all.all_strings = true;
  const SourceText titles("{\"title\": \"x\", \"n\": 1}");
  CHECK(read_source(FileKind::kJson, titles, all).replies.size() == 1);
}

namespace {

// Every YAML scalar under `content` re-read by yaml_scalar.cpp (not the fallback), and every
// byte mapped to a source byte that produced it.
void check_yaml(const std::string& doc, const std::vector<std::pair<std::string, std::string>>& expect) {
  const SourceText src(doc);
  const YAML::Node root = YAML::Load(doc);
  std::vector<Reply> replies;
  for (const auto& kv : root) {
    const YAML::Node v = kv.second["content"];
    const std::size_t start = replylint::tools::yaml_mark_offset(src.bytes(), v.Mark());
    std::optional<Reply> r = map_yaml_scalar(src.bytes(), start, v.Scalar());
    INFO("scalar " << kv.first.Scalar() << ": [" << v.Scalar() << "]");
    REQUIRE(r);
    for (std::size_t i = 0; i < r->text.size(); ++i) {
      const char s = src.bytes()[r->origin[i]];
      const char t = r->text[i];
      INFO("byte " << i);
      CHECK((s == t || s == '\\' || ((t == ' ' || t == '\n') && (s == '\n' || s == '\r'))));
    }
    replies.push_back(*r);
  }
  ReadResult all = read_source(FileKind::kYaml, src, {});
  REQUIRE(all.replies.size() == replies.size());
  for (const auto& [needle, pos] : expect) {
    bool found = false;
    for (const Reply& r : all.replies)
      if (r.text.find(needle) != std::string::npos) {
        CHECK(find(src, r, needle) == pos);
        found = true;
      }
    CHECK(found);
  }
}

}  // namespace

TEST_CASE("yaml: every scalar style maps back to its source") {
  check_yaml(
      "literal:\n  content: |\n    第一行\n    第二行加我微信\n"
      "folded:\n  content: >\n    一段\n    接着\n\n    新段\n      缩进\n    结尾\n"
      "strip:\n  content: |-\n    去掉\n\n"
      "keep:\n  content: |+\n    保留\n\n"
      "double:\n  content: \"加我\\u5fae\\u4fe1\n    号码\\t 138 \\\n    续\"\n"
      "single:\n  content: '它''s 加\n\n    微信'\n"
      "plain:\n  content: 第一行\n    第二行 加我微信   # 注释\n"
      "indicator:\n  content: |2\n     多一格\n    正常\n"
      "crlf:\n  content: |\r\n    回车\r\n    换行\r\n",
      {{"第二行加我微信", "4:5"},
       {"新段", "10:5"},
       {"缩进", "11:7"},
       {"号码\t", "23:5"},
       {"138 续", "23:10"},
       {"续", "24:5"},
       {"它'", "26:13"},
       {"s 加\n微信", "26:16"},
       {"行 加我微信", "31:7"},
       {" 多一格", "34:5"},
       {"换行", "39:5"}});
}

TEST_CASE("yaml: keys, lists, aliases, BOM and errors") {
  const SourceText src("\xEF\xBB\xBF- 您好\n- text: &a 加我微信\n  other: *a\n- {reply: [一, 二]}\n");
  const ReadResult r = read_source(FileKind::kYaml, src, {});
  REQUIRE(!r.fatal);
  REQUIRE(r.replies.size() == 4);  // the alias is not read twice
  CHECK(find(src, r.replies[0], "您好") == "1:3");
  CHECK(find(src, r.replies[1], "微信") == "2:14");
  CHECK(r.replies[3].where == "[2].reply[1]");
  const SourceText bad("a: [1\nb: 2\n");
  CHECK(read_source(FileKind::kYaml, bad, {}).fatal);
}

TEST_CASE("md: paragraphs, list items and table cells; not headings, code, front matter") {
  const std::string doc =
      "---\nt: 加我微信\n---\n# 加我微信\n\n段落第一行\n  第二行加我微信\n\n- 项目一\n  续行\n1. 项目二\n\n"
      "```\n加我微信\n```\n\n| 头 | 加微信 |\n|---|---|\n| 甲 | 电话 138 |\n\n标题\n===\n\n> 引用加我微信\n\n"
      "<!-- replylint-disable-next-line demo.wechat -- 理由 -->\n最后\n";
  const SourceText src(doc);
  const ReadResult r = read_source(FileKind::kMd, src, {});
  std::vector<std::string> texts;
  for (const Reply& x : r.replies) texts.push_back(x.text);
  CHECK(texts == std::vector<std::string>{"段落第一行\n第二行加我微信", "项目一\n续行", "项目二", "甲", "电话 138",
                                          "引用加我微信", "最后"});
  CHECK(find(src, r.replies[0], "微信") == "7:8");
  CHECK(find(src, r.replies[4], "138") == "19:10");
  REQUIRE(r.comments.size() == 1);
  CHECK(r.comments[0].body == "replylint-disable-next-line demo.wechat -- 理由");
}

TEST_CASE("UTF-16 files are refused with advice") {
  const SourceText src(std::string("\xFF\xFEh\0i\0", 6));
  const ReadResult r = read_source(FileKind::kCsv, src, {});
  REQUIRE(r.fatal);
  CHECK(r.fatal->message.find("UTF-16") != std::string::npos);
}

TEST_CASE("sha256 and reply hashes") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  CHECK(reply_hash("", "abc") == "ba7816bf8f01cfea");
  // With the buyer's question: printf '%s\n%s' 有QQ吗？ 有的 | sha256sum.
  CHECK(reply_hash("有QQ吗？", "有的") == "eedf382fdb63c614");
  CHECK(reply_hash("有现货吗？", "有的") != reply_hash("有QQ吗？", "有的"));
  CHECK(legacy_reply_hash("abc") == "ba7816bf8f01cfea");
}

// What is masked is replylint::mask's (tests/test_mask.cpp); lint prints through it.
TEST_CASE("masking: lint's output goes through the library's mask") {
  CHECK(mask_sensitive("电话⑴⑶⑻⑴⑵⑶⑷⑸⑹⑺⑻") == "电话⑴⑶⑻****⑸⑹⑺⑻");
  const std::string masked = mask_sensitive("微信 abc12345 😊");
  CHECK(masked == "微信 abc***** 😊");
  CHECK(count_chars(masked, 0, masked.size()) == 13);
}

TEST_CASE("excludes: .gitignore meaning") {
  ExcludeList x;
  for (const char* p : {"*.bak.csv", "drafts/", "/top.txt", "a/**/deep.txt", "old/*", "!old/keep.txt", "#comment"})
    x.add(p);
  CHECK(x.excluded("lib/x.bak.csv", false));
  CHECK(!x.excluded("lib/x.csv", false));
  CHECK(x.excluded("drafts", true));
  CHECK(x.excluded("lib/drafts/x.txt", false));  // under an excluded folder
  CHECK(!x.excluded("drafts", false));           // a file named drafts is not a folder
  CHECK(x.excluded("top.txt", false));
  CHECK(!x.excluded("lib/top.txt", false));  // anchored
  CHECK(x.excluded("a/deep.txt", false));
  CHECK(x.excluded("a/b/c/deep.txt", false));
  CHECK(x.excluded("old/x.txt", false));
  CHECK(!x.excluded("old/keep.txt", false));
  CHECK(glob_match("话术?.txt", "话术一.txt"));
  CHECK(!glob_match("*.txt", "a/b.txt"));
}

TEST_CASE("glob: classes, ranges and ? take code points") {
  CHECK(glob_match("[一二].txt", "一.txt"));
  CHECK(glob_match("[一二].txt", "二.txt"));
  CHECK(!glob_match("[一二].txt", "三.txt"));
  CHECK(!glob_match("[!一二].txt", "一.txt"));
  CHECK(glob_match("[^一二].txt", "三.txt"));
  CHECK(glob_match("[а-я]*", "файл.txt"));  // a range of Cyrillic letters
  CHECK(!glob_match("[а-я]*", "Файл.txt"));
  CHECK(glob_match("[]x]", "]"));
  CHECK(glob_match("[a-]", "-"));
  CHECK(glob_match("??.txt", "话术.txt"));
  CHECK(!glob_match("?.txt", "话术.txt"));
  CHECK(glob_match("[😊]", "😊"));
  CHECK(!glob_match("[!/]", "/"));
  CHECK(glob_match("\\*", "*"));
  CHECK(!glob_match("\\*", "a"));
  CHECK(glob_match("a?b", "a\xff" "b"));  // a byte that is not UTF-8 is one character
  CHECK(glob_match("a\xff" "b", "a\xff" "b"));
  CHECK(!glob_match("a\xfe" "b", "a\xff" "b"));
}

TEST_CASE("glob: stars") {
  CHECK(glob_match("*", ""));
  CHECK(glob_match("**", "a/b/c"));
  CHECK(!glob_match("*", "a/b"));
  CHECK(glob_match("**/x", "x"));
  CHECK(glob_match("**/x", "/x"));
  CHECK(glob_match("**/x", "a/b/x"));
  CHECK(!glob_match("**/x", "ax"));
  CHECK(glob_match("a/**/b", "a/b"));
  CHECK(glob_match("a/**/b", "a/x/y/b"));
  CHECK(glob_match("a**b", "a/x/b"));
  CHECK(glob_match("*a*b*", "xaybz"));
  CHECK(!glob_match("*a*b*", "xbyaz"));
  CHECK(glob_match("***", "abc"));
}

// Backtracking took 1.5 s on 50 characters and doubles with each one more; the automaton does
// not backtrack, so this finishes at once (a regression would hang until ctest's timeout).
TEST_CASE("glob: no backtracking blow-up") {
  const std::string name(5000, 'a');
  CHECK(!glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*b", name));
  CHECK(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*", name));
  CHECK(!glob_match("**a**a**a**a**a**a**a**b", name + "/" + name));
}

TEST_CASE("directives: the next line that is neither blank nor a comment") {
  auto engine = replylint::Engine::from_directory(REPLYLINT_LINT_PACKS);
  REQUIRE(engine);
  const SourceText src(
      "# replylint-disable-next-line demo.wechat, demo.phone -- 理由\n# 另一条注释\n\n加我微信\n"
      "# replylint-disable-next-line demo.wechat\n"
      "# replylint-disable-next-line demo.nope -- x\n"
      "# replylint-disabled demo.wechat -- x\n"
      "# replylint-disable-next-line demo.wechat -- 末尾\n");
  const ReadResult r = read_source(FileKind::kTxt, src, {});
  std::vector<Problem> problems;
  const std::vector<Directive> d = parse_directives(src, r, *engine, problems);
  REQUIRE(d.size() == 2);
  CHECK(d[0].rules == std::vector<std::string>{"demo.wechat", "demo.phone"});
  CHECK(d[0].reason == "理由");
  CHECK(d[0].target == 4);
  CHECK(d[1].target == 0);  // nothing follows
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].message.find("needs a reason") != std::string::npos);
  CHECK(problems[1].message.find("unknown rule 'demo.nope'") != std::string::npos);
  CHECK(problems[2].message.find("unknown directive") != std::string::npos);
}

// The stages of a file (check_file.hpp): the config's settings are the engine's CheckOptions,
// and a suppressed rule is checked away, so a report's points are always the engine's.
TEST_CASE("stages: read, check with the config's options, suppress") {
  auto engine = replylint::Engine::from_directory(REPLYLINT_LINT_PACKS);
  REQUIRE(engine);
  Config config = default_config({});
  config.check.points.push_back({"demo.phone", 9});
  config.check.skip.push_back("demo.email");
  FileJob job;
  job.kind = FileKind::kTxt;
  job.config = &config;
  job.engine = &*engine;
  job.bytes = "加我微信，电话13812345678\n邮箱 a@example.com\n"
              "# replylint-disable-next-line demo.wechat -- 理由\n加我微信\n";
  CheckedFile file = read_file(job);
  REQUIRE(!file.fatal);
  CHECK(file.encoding == "UTF-8");
  REQUIRE(file.read.replies.size() == 3);
  check_replies(file, job);
  REQUIRE(file.replies.size() == 3);
  REQUIRE(file.replies[0].report);
  CHECK(file.replies[0].report->violations.size() == 2);
  CHECK(file.replies[0].report->points == 6 + 9);     // demo.phone's override, applied by the engine
  CHECK(file.replies[1].report->clean());             // demo.email is skipped
  CHECK(file.replies[2].report->violations.size() == 1);
  suppress(file, job);
  CHECK(file.suppressed == 1);
  CHECK(file.replies[2].report->clean());  // checked again without demo.wechat
  CHECK(file.replies[0].report->points == 15);
  CHECK(file.unused.empty());
}

TEST_CASE("stages: a file that cannot be read is one problem, and the later stages keep it") {
  auto engine = replylint::Engine::from_directory(REPLYLINT_LINT_PACKS);
  REQUIRE(engine);
  const Config config = default_config({});
  FileJob job;
  job.kind = FileKind::kJson;
  job.config = &config;
  job.engine = &*engine;
  job.bytes = "{\"content\": ";
  CheckedFile file = read_file(job);
  REQUIRE(file.fatal);
  CHECK(file.fatal->line == 1);
  check_replies(file, job);
  suppress(file, job);
  CHECK(file.replies.empty());
  CHECK(file.problems.empty());
}

TEST_CASE("decode: GB18030 maps every decoded byte back to its character in the file") {
  // "a𠮷\n加" in GB18030: 'a', the four bytes 95 34 B2 35, LF, BC D3.
  const DecodeResult r = decode_file("a\x95\x34\xB2\x35\n\xBC\xD3", "");
  REQUIRE(r.decoded);
  CHECK(r.decoded->encoding == "GB18030");
  CHECK(r.decoded->text == "a\xF0\xA0\xAE\xB7\n加");
  const std::vector<std::uint32_t> want = {0, 1, 1, 1, 1, 5, 6, 6, 6, 8};
  CHECK(r.decoded->origin == want);
  const SourceText src(r.decoded->text, r.decoded->origin);
  CHECK(src.file_offset(6) == 6);
  CHECK(src.position(5).column == 3);  // after 'a' and the four-byte character
  CHECK(src.position(6).line == 2);
}

TEST_CASE("positions: a file character that decodes to two code points is one column") {
  // Some legacy encodings map one character to a base and a combining mark (Big5-HKSCS 88 62 is
  // U+00CA U+0304 in some tables): the map gives both code points the same file offset.
  const std::string text = "\xC3\x8A\xCC\x84微";
  const SourceText mapped(text, {0, 0, 0, 0, 2, 2, 2, 4});
  CHECK(mapped.position(4).column == 2);
  CHECK(SourceText(text).position(4).column == 3);  // without the map: code points
  CHECK(mapped.file_offset(4) == 2);
}

TEST_CASE("decode: detection, BOMs, and errors at the first bad byte") {
  CHECK(decode_file("加我", "").decoded->encoding == "UTF-8");
  CHECK(decode_file("\xEF\xBB\xBFok", "").decoded->text == "\xEF\xBB\xBFok");  // SourceText skips it
  const DecodeResult le = decode_file(std::string("\xFF\xFE" "a\0\n\0", 6), "");
  CHECK(le.decoded->encoding == "UTF-16LE");
  CHECK(le.decoded->text == "a\n");
  CHECK(le.decoded->origin.front() == 2);
  const DecodeResult be = decode_file(std::string("\xFE\xFF\0a", 4), "");
  CHECK(be.decoded->text == "a");
  // A UTF-8 BOM named as UTF-16LE is no character: dropped.
  CHECK(decode_file(std::string("\xFF\xFE" "b\0", 4), "utf-16le").decoded->text == "b");
  const DecodeResult bad = decode_file("ab\ncaf\xE9 x", "");
  REQUIRE(bad.error);
  CHECK(bad.error->offset == 6);
  CHECK(bad.error->line == 2);
  CHECK(bad.error->column == 4);
  CHECK(decode_file("x", "no-such-name").error);
  CHECK(canonical_encoding("gbk"));
  CHECK(!canonical_encoding("no-such-name"));
}

TEST_CASE("md: markdown: fenced reads only fenced blocks, the opening line included") {
  ReadSettings fenced;
  fenced.md_fenced_only = true;
  const SourceText src("说明：别加微信\n\n```\n第一行\n\n第二行\n```\n- 列表\n~~~\n没闭合");
  const ReadResult r = read_source(FileKind::kMd, src, fenced);
  REQUIRE(r.replies.size() == 2);
  CHECK(r.replies[0].text == "第一行\n\n第二行");
  CHECK(r.replies[0].first_line == 3);
  CHECK(r.replies[0].last_line == 6);
  CHECK(find(src, r.replies[0], "第二行") == "6:1");
  CHECK(r.replies[1].text == "没闭合");
  CHECK(read_source(FileKind::kMd, src, {}).replies.size() == 2);  // the prose and the list item
}

TEST_CASE("decode: a long file, a surrogate pair across ICU's chunks, an error far in") {
  // 32767 ASCII bytes, then 𠮷 (95 34 B2 35): its two UTF-16 units straddle the 32768-unit chunk.
  std::string file(32767, 'a');
  file += "\x95\x34\xB2\x35\n\xBC\xD3";
  const DecodeResult r = decode_file(file, "gb18030");
  REQUIRE(r.decoded);
  CHECK(r.decoded->text == std::string(32767, 'a') + "\xF0\xA0\xAE\xB7\n加");
  CHECK(r.decoded->origin[32767] == 32767);
  CHECK(r.decoded->origin[32770] == 32767);
  CHECK(r.decoded->origin[32771] == 32771);  // the LF
  CHECK(r.decoded->origin.back() == file.size());
  const DecodeResult bad = decode_file(std::string(70000, 'b') + "\n\xE9 ", "");
  REQUIRE(bad.error);
  CHECK(bad.error->offset == 70001);
  CHECK(bad.error->line == 2);
  CHECK(bad.error->column == 1);
}

TEST_CASE("the buyer's question: a CSV/TSV column of the same row, a key beside the reply") {
  const SourceText csv("买家问题,回复,备注\n有QQ吗,\"有的\",x\n,好的,y\n");
  ReadResult r = read_source(FileKind::kCsv, csv, {});
  REQUIRE(r.replies.size() == 2);
  CHECK(r.replies[0].buyer == "有QQ吗");
  CHECK(r.replies[1].buyer.empty());
  CHECK(find(csv, r.replies[0], "有的") == "2:7");  // the question column moves no span

  ReadSettings named;
  named.buyer_columns = {"顾客说"};
  const SourceText tsv("问题\t顾客说\t内容\n甲\t乙\t丙\n");
  r = read_source(FileKind::kTsv, tsv, named);
  REQUIRE(r.replies.size() == 1);
  CHECK(r.replies[0].buyer == "乙");  // the configured names replace the defaults

  // JSON: a question key of the nearest object around the reply, before or after it; the
  // question is not a reply even when every string is.
  const SourceText json("[{\"reply\": \"有的\", \"question\": \"有\\u0051Q吗\"},"
                        " {\"buyer\": \"外\", \"items\": [{\"text\": \"一\"}, {\"text\": \"二\", \"问题\": \"内\"}]},"
                        " {\"text\": \"无\"}]");
  r = read_source(FileKind::kJson, json, {});
  REQUIRE(r.replies.size() == 4);
  CHECK(r.replies[0].buyer == "有QQ吗");
  CHECK(r.replies[1].buyer == "外");
  CHECK(r.replies[2].buyer == "内");
  CHECK(r.replies[3].buyer.empty());
  ReadSettings all;
  all.all_strings = true;
  CHECK(read_source(FileKind::kJson, json, all).replies.size() == 4);

  const SourceText yaml("- question: 有QQ吗\n  reply: 有的\n- buyer: 外\n  items:\n    - text: 一\n    - {text: 二, 问题: 内}\n"
                        "- text: 无\n");
  r = read_source(FileKind::kYaml, yaml, {});
  REQUIRE(r.replies.size() == 4);
  CHECK(r.replies[0].buyer == "有QQ吗");
  CHECK(r.replies[1].buyer == "外");
  CHECK(r.replies[2].buyer == "内");
  CHECK(r.replies[3].buyer.empty());
  CHECK(find(yaml, r.replies[0], "有的") == "2:10");
  ReadSettings ask;
  ask.buyer_keys = {"ask"};
  const SourceText asked("- ask: 有扣扣吗\n  reply: 有的\n- question: 有扣扣吗\n  reply: 好的\n");
  r = read_source(FileKind::kYaml, asked, ask);
  REQUIRE(r.replies.size() == 2);
  CHECK(r.replies[0].buyer == "有扣扣吗");
  CHECK(r.replies[1].buyer.empty());
}
