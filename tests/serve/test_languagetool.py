"""POST /v2/check as LanguageTool's clients call it: recorded requests in LanguageTool's own
form format, and the response fields those clients read (language_tool_python's Match, the
browser add-on, LTeX): matches[].message, shortMessage, replacements[].value, offset and length
in UTF-16 code units, context{text, offset, length}, sentence, rule{id, description, issueType,
category{id, name}}."""
import json
import os
import unittest
import urllib.parse

from fixture import Server


def utf16_slice(s, offset, length):
    b = s.encode("utf-16-le")
    return b[2 * offset:2 * (offset + length)].decode("utf-16-le")


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


class RecordedRequests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        with open(os.path.join(os.path.dirname(__file__), "languagetool_requests.json"), encoding="utf-8") as f:
            cls.recorded = json.load(f)["requests"]

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def send(self, rec):
        if rec["method"] == "GET":
            status, hdrs, data = self.server.request("GET", "/v2/check?" + rec["body"])
            return status, json.loads(data)
        status, _, doc = self.server.form(rec["body"])
        return status, doc

    def test_every_recorded_request(self):
        for rec in self.recorded:
            with self.subTest(rec["client"]):
                status, doc = self.send(rec)
                self.assertEqual(status, 200, doc)
                self.assertEqual(doc["language"]["code"], "zh-CN")
                self.assertIn("name", doc["software"])
                matches = doc["matches"]
                self.assertEqual([m["rule"]["id"] for m in matches], [e["rule"] for e in rec["expect"]])
                for m, want in zip(matches, rec["expect"]):
                    self.assertEqual(utf16_slice(rec["document"], m["offset"], m["length"]), want["words"])
                    for key in ("message", "shortMessage", "sentence"):
                        self.assertIsInstance(m[key], str)
                        self.assertTrue(m[key])
                    self.assertEqual(len(m["replacements"]), 1)
                    self.assertTrue(m["replacements"][0]["value"])
                    ctx = m["context"]
                    self.assertEqual(ctx["length"], utf16_len(want["words"]))
                    # The context shows the words (digits masked, one for one).
                    shown = utf16_slice(ctx["text"], ctx["offset"], ctx["length"])
                    self.assertEqual(len(shown), len(want["words"]))
                    self.assertEqual([c for c in shown if not c.isdigit() and c != "*"],
                                     [c for c in want["words"] if not c.isdigit()])
                    self.assertIn(shown, m["sentence"])
                    if "sentence" in want:
                        self.assertEqual(m["sentence"], want["sentence"])
                    rule = m["rule"]
                    self.assertEqual(rule["category"]["id"], rule["id"].split(".")[0])
                    self.assertEqual(rule["category"]["name"], {"shop": "演示店铺规则", "promise": "发货承诺"}[rule["category"]["id"]])
                    self.assertTrue(rule["description"])
                    self.assertEqual(rule["issueType"], "non-conformance")
                    self.assertGreater(m["points"], 0)

    def test_context_is_cut_around_the_match(self):
        text = "好" * 100 + "加我微信吧" + "好" * 100
        _, _, doc = self.server.form(urllib.parse.urlencode({"text": text, "language": "zh-CN"}))
        (m,) = doc["matches"]
        self.assertEqual(m["offset"], 102)
        self.assertTrue(m["context"]["text"].startswith("..."))
        self.assertTrue(m["context"]["text"].endswith("..."))
        self.assertEqual(m["context"]["offset"], 43)
        self.assertEqual(utf16_slice(m["context"]["text"], 43, 2), "微信")

    def test_phone_digits_are_masked_in_context_and_sentence(self):
        _, _, doc = self.server.form(urllib.parse.urlencode({"text": "电话13812345678找我", "language": "zh-CN"}))
        (m,) = doc["matches"]
        self.assertEqual((m["offset"], m["length"]), (2, 11))
        self.assertNotIn("13812345678", json.dumps(doc, ensure_ascii=False))
        self.assertIn("138****5678", m["context"]["text"])

    def test_clean_text_has_no_matches(self):
        status, _, doc = self.server.form(urllib.parse.urlencode({"text": "支持微信支付，请在旺旺留言", "language": "auto"}))
        self.assertEqual((status, doc["matches"]), (200, []))

    def test_languages(self):
        status, _, data = self.server.request("GET", "/v2/languages")
        langs = json.loads(data)
        self.assertEqual(status, 200)
        self.assertIn({"name": "Chinese", "code": "zh", "longCode": "zh-CN"}, langs)


class BadForms(unittest.TestCase):
    """Each refusal is 400 (or 413, 415) with LanguageTool's plain-text 'Error: ...' naming the problem."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server("--max-reply-bytes", "100")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def refused(self, body, status, words, headers=None):
        got, hdrs, text = self.server.form(body, headers=headers)
        self.assertEqual(got, status, text)
        self.assertTrue(hdrs["Content-Type"].startswith("text/plain"))
        self.assertTrue(text.startswith("Error: "), text)
        for w in words:
            self.assertIn(w, text)

    def test_missing_text(self):
        self.refused("language=zh-CN", 400, ["'text' or 'data'"])

    def test_text_and_data(self):
        self.refused("language=zh-CN&text=a&data=%7B%7D", 400, ["not both"])

    def test_missing_language(self):
        self.refused("text=abc", 400, ["'language'"])

    def test_other_language(self):
        self.refused("text=abc&language=en-US", 400, ["en-US"])

    def test_bad_percent_escape(self):
        self.refused("text=%E5%8A%zz&language=zh-CN", 400, ["byte 11"])

    def test_data_not_json(self):
        self.refused("language=zh-CN&data=" + urllib.parse.quote('{"annotation": [{"text": "a"},'), 400, ["'data'", "JSON"])

    def test_data_piece_with_both(self):
        body = "language=zh-CN&data=" + urllib.parse.quote(json.dumps({"annotation": [{"text": "a"}, {"text": "b", "markup": "<b>"}]}))
        self.refused(body, 400, ["annotation[1]"])

    def test_unknown_rule_id(self):
        self.refused("text=abc&language=zh-CN&disabledRules=shop.phone,shop.nope", 400, ["shop.nope"])
        self.refused("text=abc&language=zh-CN&enabledRules=WHITESPACE_RULE", 400, ["WHITESPACE_RULE"])

    def test_enabled_only_without_rules(self):
        self.refused("text=abc&language=zh-CN&enabledOnly=true", 400, ["enabledRules"])

    def test_enabled_only_not_boolean(self):
        self.refused("text=abc&language=zh-CN&enabledOnly=yes", 400, ["'yes'"])

    def test_text_too_long(self):
        self.refused(urllib.parse.urlencode({"text": "好" * 40, "language": "zh-CN"}), 413, ["100"])

    def test_json_body(self):
        self.refused('{"text": "abc"}', 415, ["application/json"], headers={"Content-Type": "application/json"})


if __name__ == "__main__":
    unittest.main()
