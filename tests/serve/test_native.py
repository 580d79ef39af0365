"""POST /v1/check answers the records `replylint check --format json` prints; GET /v1/rules,
/v1/rules/{id}, /healthz and /metrics; 400 for every malformed request, naming what is wrong."""
import json
import subprocess
import unittest

from fixture import BINARY, PACKS, Server

DRAFTS = ["您好，请问有什么可以帮您？", "😊亲，加我微信吧", "👍👍 电话 138 1234 5678，保证今天发货", "保证今天发货，具体以物流为准",
          "无效\xff字节 加我微信"]


def cli_check(replies, *flags):
    args = [BINARY, "check", "--format", "json", "--rules", PACKS, *flags, "--", *replies]
    out = subprocess.run(args, capture_output=True).stdout
    return json.loads(out)


class Check(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server("--max-replies", "10", "--max-reply-bytes", "200")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def check(self, doc, status=200):
        got, _, body = self.server.json("POST", "/v1/check", doc)
        self.assertEqual(got, status, body)
        return body

    def test_same_records_as_the_cli(self):
        replies = [d.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for d in DRAFTS]
        body = self.check({"replies": [{"reply": r, "buyer": "能加微信吗"} for r in replies]})
        self.assertEqual(body, cli_check(replies))
        self.assertEqual(body["flagged"], 3)

    def test_masked_unless_asked(self):
        masked = self.check({"replies": [{"reply": "电话13812345678"}]})
        self.assertEqual(masked["replies"][0]["violations"][0]["text"], "138****5678")
        shown = self.check({"replies": [{"reply": "电话13812345678"}], "show_matches": True})
        self.assertEqual(shown["replies"][0]["violations"][0]["text"], "13812345678")
        self.assertEqual(shown, cli_check(["电话13812345678"], "--show-matches"))

    def test_only_skip_points(self):
        body = self.check({"replies": [{"reply": "加我微信吧，保证今天发货"}], "skip": ["promise"], "points": {"shop.wechat": 12}})
        (v,) = body["replies"][0]["violations"]
        self.assertEqual((v["rule"], v["points"]), ("shop.wechat", 12))
        body = self.check({"replies": [{"reply": "加我微信吧，保证今天发货"}], "only": ["promise.guarantee"]})
        self.assertEqual([v["rule"] for v in body["replies"][0]["violations"]], ["promise.guarantee"])

    def test_unknown_rule_id_is_named(self):
        for doc in ({"replies": [], "only": ["shop.nope"]}, {"replies": [], "skip": ["nopack"]},
                    {"replies": [], "points": {"shop.nope": 3}}):
            body = self.check(doc, 400)
            self.assertTrue(any(i in body["error"] for i in ("shop.nope", "nopack")), body)

    def test_points_out_of_range(self):
        self.assertIn("shop.wechat", self.check({"replies": [], "points": {"shop.wechat": 99}}, 400)["error"])

    def test_too_many_replies(self):
        body = self.check({"replies": [{"reply": "x"}] * 11}, 413)
        self.assertIn("at most 10", body["error"])

    def test_long_reply_is_an_error_of_that_reply(self):
        body = self.check({"replies": [{"reply": "好" * 100}, {"reply": "加我微信吧"}]})
        self.assertIn("error", body["replies"][0])
        self.assertEqual(body["replies"][1]["violations"][0]["rule"], "shop.wechat")
        self.assertEqual((body["errors"], body["flagged"]), (1, 1))

    def test_malformed(self):
        cases = [("{\"replies\": [", "malformed JSON"), ("[]", "JSON object"), ("{}", "no 'replies'"),
                 ('{"replies": {}}', "'replies' must be an array"), ('{"replies": ["x"]}', "replies[0] must be an object"),
                 ('{"replies": [{"reply": "a"}, {"reply": 3}]}', "replies[1].reply must be a string"),
                 ('{"replies": [{"buyer": "a"}]}', "replies[0] has no 'reply'"),
                 ('{"replies": [{"reply": "a", "text": "b"}]}', "unknown key 'text'"),
                 ('{"replies": [], "only": "shop"}', "'only' must be an array"),
                 ('{"replies": [], "points": {"shop.wechat": "6"}}', "points.shop.wechat"),
                 ('{"replies": [], "show_matches": 1}', "show_matches"),
                 ('{"replies": [], "colour": 1}', "unknown key 'colour'"),
                 (b'{"replies": [{"reply": "\xff"}]}', "malformed JSON")]
        for raw, words in cases:
            with self.subTest(raw):
                status, hdrs, body = self.server.json("POST", "/v1/check", raw=raw)
                self.assertEqual(status, 400, body)
                self.assertTrue(hdrs["Content-Type"].startswith("application/json"))
                self.assertIn(words, body["error"])


class Rules(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_rules_list_every_pack_rule_and_example(self):
        status, _, body = self.server.json("GET", "/v1/rules")
        self.assertEqual(status, 200)
        self.assertEqual([p["id"] for p in body["packs"]], ["promise", "shop"])
        ids = [r["id"] for p in body["packs"] for r in p["rules"]]
        self.assertEqual(ids, ["promise.guarantee", "shop.wechat", "shop.phone"])
        self.assertEqual(body["rules"], 3)
        wechat = body["packs"][1]["rules"][0]
        self.assertIn("加我[[微信]]吧", wechat["violating"])
        self.assertIn("支持微信支付", wechat["compliant"])

    def test_one_rule_is_what_explain_prints(self):
        status, _, rule = self.server.json("GET", "/v1/rules/shop.wechat")
        self.assertEqual(status, 200)
        explain = subprocess.run([BINARY, "explain", "--rules", PACKS, "shop.wechat"], capture_output=True, text=True).stdout
        for value in (rule["title"], rule["message"], rule["suggestion"], rule["source"], *rule["patterns"],
                      *(u["pattern"] for u in rule["unless"]), *rule["violating"], *rule["compliant"]):
            self.assertIn(value, explain)
        self.assertEqual((rule["points"], rule["pack"]), (6, "shop"))

    def test_unknown_rule_is_404_naming_it(self):
        status, _, body = self.server.json("GET", "/v1/rules/shop.nope")
        self.assertEqual(status, 404)
        self.assertIn("shop.nope", body["error"])

    def test_healthz(self):
        self.assertEqual(self.server.json("GET", "/healthz")[2], {"status": "ok", "rules": 3, "packs": 2})


class Metrics(unittest.TestCase):
    def test_counts(self):
        with Server() as s:
            s.json("POST", "/v1/check", {"replies": [{"reply": "加我微信吧"}, {"reply": "电话13812345678"}, {"reply": "好"}]})
            s.form("text=%E5%8A%A0%E6%88%91%E5%BE%AE%E4%BF%A1&language=zh-CN")
            s.json("POST", "/v1/check", raw="{")
            s.request("PUT", "/v1/check")
            status, hdrs, data = s.request("GET", "/metrics")
            text = data.decode()
            self.assertEqual(status, 200)
            self.assertTrue(hdrs["Content-Type"].startswith("text/plain; version=0.0.4"))
            for line in ('replylint_http_requests_total{code="200"} 2', 'replylint_http_requests_total{code="400"} 1',
                         'replylint_http_requests_total{code="405"} 1', "replylint_replies_checked_total 4",
                         'replylint_violations_total{rule="shop.wechat"} 2', 'replylint_violations_total{rule="shop.phone"} 1',
                         'replylint_http_request_duration_seconds_bucket{le="+Inf"} 4',
                         "replylint_http_request_duration_seconds_count 4",
                         "# TYPE replylint_http_request_duration_seconds histogram"):
                self.assertIn(line + "\n", text)


if __name__ == "__main__":
    unittest.main()


class BuyerContext(unittest.TestCase):
    """The buyer's message reaches rules that judge an answer (rules/README.md): the built-in
    packs, where 有QQ吗 → 有的 is off-platform, and the same 有的 answering 有货吗 is not."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(rules=None)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def rules(self, buyer, reply):
        got, _, body = self.server.json("POST", "/v1/check", {"replies": [{"reply": reply, "buyer": buyer}]})
        self.assertEqual(got, 200, body)
        return [v["rule"] for v in body["replies"][0]["violations"]]

    def test_consent_fires_only_in_context(self):
        self.assertTrue(any(r.startswith("off-platform.") for r in self.rules("有QQ吗？", "有的亲")))
        self.assertEqual(self.rules("有货吗？", "有的亲"), [])
        self.assertEqual(self.rules("", "有的亲"), [])
        self.assertEqual(self.rules("有QQ吗？", "不好意思亲，我们只在旺旺接待哦"), [])
