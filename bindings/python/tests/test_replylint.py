"""The Python binding over the C API. Run by the suite (ctest python-binding) with
PYTHONPATH=bindings/python, REPLYLINT_LIBRARY=<libreplylint.so>,
REPLYLINT_TEST_PACKS=tests/c_api/packs, REPLYLINT_TEST_CONTEXT_PACKS=tests/context_pack and
REPLYLINT_TEST_INLINE_PACK=tests/inline_pack.yaml (the pack given as text)."""
import os
import threading
import unittest

import replylint

PACKS = os.environ["REPLYLINT_TEST_PACKS"]
CONTEXT_PACKS = os.environ["REPLYLINT_TEST_CONTEXT_PACKS"]
with open(os.environ["REPLYLINT_TEST_INLINE_PACK"], encoding="utf-8") as f:
    MEM_PACK = f.read()


class BindingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = replylint.Engine.from_directory(PACKS)

    def test_version(self):
        self.assertRegex(replylint.version(), r"^\d+\.\d+\.\d+$")

    def test_violation_fields_and_offsets(self):
        reply = "😊亲，加我微信吧"
        report = self.engine.check(reply)
        self.assertFalse(report.clean)
        self.assertEqual(report.points, 6)
        self.assertFalse(report.invalid_utf8)
        (v,) = report.violations
        self.assertEqual((v.rule, v.pack, v.title, v.points), ("shop.wechat", "shop", "提供微信", 6))
        self.assertEqual(reply[v.char_start:v.char_end], "微信")               # str: code points
        self.assertEqual(reply.encode()[v.start:v.end].decode(), "微信")      # bytes
        utf16 = reply.encode("utf-16-le")
        self.assertEqual(utf16[2 * v.utf16_start:2 * v.utf16_end].decode("utf-16-le"), "微信")
        self.assertEqual((v.char_start, v.utf16_start), (5, 6))
        self.assertEqual(v.text, "微信")
        self.assertIn("微信", v.message)
        self.assertTrue(v.suggestion)

    def test_clean_and_several(self):
        self.assertTrue(self.engine.check("您好，请问有什么可以帮您？").clean)
        report = self.engine.check("电话 138 1234 5678，保证今天发货")
        self.assertEqual([v.rule for v in report.violations], ["shop.phone", "promise.guarantee"])
        self.assertEqual([v.text for v in report.violations], ["138 1234 5678", "保证今天发货"])
        self.assertEqual(report.points, 10)

    def test_bytes_and_invalid_utf8(self):
        report = self.engine.check(b"\xe5\x8a\xa0\xff\xe5\xbe\xae\xc0\xe4\xbf\xa1")  # 加\xff微\xc0信
        self.assertTrue(report.invalid_utf8)
        (v,) = report.violations
        self.assertEqual((v.start, v.end), (4, 11))
        self.assertEqual(v.text, "微\ufffd信")
        self.assertTrue(self.engine.check("").clean)
        self.assertTrue(self.engine.check(b"").clean)

    def test_mask(self):
        self.assertEqual(replylint.mask("电话 138 1234 5678"), "电话 138 **** 5678")
        self.assertEqual(replylint.mask("电话𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖"), "电话𝟏𝟑𝟖****𝟓𝟔𝟕𝟖")
        self.assertEqual(replylint.mask("发到 zhang.san@qq.com"), "发到 *********@qq.com")
        self.assertEqual(replylint.mask("价格1234元"), "价格1234元")
        # a violation's code-point span indexes the masked reply too
        reply = "😊电话 13812345678"
        (v,) = self.engine.check(reply).violations
        self.assertEqual(replylint.mask(reply)[v.char_start:v.char_end], "138****5678")
        # bytes in, bytes out: invalid UTF-8 is copied
        self.assertEqual(replylint.mask(b"12\xff345"), b"**\xff***")
        self.assertEqual(replylint.mask(""), "")

    def test_buyer_context(self):
        engine = replylint.Engine.from_directory(CONTEXT_PACKS)
        report = engine.check("有的，稍等", buyer="有QQ吗？")
        (v,) = report.violations
        self.assertEqual((v.rule, v.text, v.platform_rule, v.counted), ("shop.qq-consent", "有的", "shop.qq-consent", True))
        self.assertEqual(report.points, 6)
        self.assertEqual(len(engine.check("有的，稍等", None, "有QQ吗？".encode()).violations), 1)  # bytes, positional
        for buyer in (None, "", "有现货吗？"):
            self.assertTrue(engine.check("有的，稍等", buyer=buyer).clean, buyer)
        self.assertTrue(engine.check("亲，我们只在旺旺上服务哦", buyer="有QQ吗？").clean)
        skip = replylint.CheckOptions(skip=["shop.qq-consent"])
        self.assertTrue(engine.check("有的，稍等", skip, buyer="有QQ吗？").clean)
        with self.assertRaises(replylint.Error) as e:
            engine.check("有的", replylint.CheckOptions(max_reply_bytes=8), buyer="请问你们有没有QQ号")
        self.assertEqual(e.exception.code, "TOO_LONG")

    def test_platform_rule_counts_once(self):
        engine = replylint.Engine.from_directory(CONTEXT_PACKS)
        report = engine.check("买家叫李四，他的身份证号是110105194912310021")
        self.assertEqual([(v.rule, v.platform_rule, v.counted, v.points) for v in report.violations],
                         [("shop.name", "shop.leak", True, 6), ("shop.id-number", "shop.leak", False, 4)])
        self.assertEqual(report.points, 6)
        (v,) = self.engine.check("加我微信").violations
        self.assertEqual((v.platform_rule, v.counted), ("shop.wechat", True))

    def test_options(self):
        reply = "加我微信，电话13812345678，保证今天发货"
        self.assertEqual(len(self.engine.check(reply).violations), 3)
        only = replylint.CheckOptions(only=["shop"], skip=["shop.phone"])
        self.assertEqual([v.rule for v in self.engine.check(reply, only).violations], ["shop.wechat"])
        weighed = replylint.CheckOptions(points={"shop.wechat": 12, "promise.guarantee": 0})
        self.assertEqual(self.engine.check(reply, weighed).points, 18)
        short = replylint.CheckOptions(max_reply_bytes=12)
        self.assertEqual(len(self.engine.check("加我微信", short).violations), 1)
        with self.assertRaises(replylint.Error) as e:
            self.engine.check("加我微信吧", short)
        self.assertEqual(e.exception.code, "TOO_LONG")
        with self.assertRaises(replylint.Error) as e:
            self.engine.check(reply, replylint.CheckOptions(skip=["shop.nope"]))
        self.assertEqual((e.exception.code, e.exception.rule), ("INVALID_ARGUMENT", "shop.nope"))
        with self.assertRaises(replylint.Error):
            replylint.CheckOptions(points={"shop.wechat": 49})

    def test_from_yaml_and_rules(self):
        engine = replylint.Engine.from_yaml(MEM_PACK, "mem.yaml")
        self.assertEqual([(r.id, r.platform_rule) for r in engine.rules()], [("mem.qq", "mem.qq")])
        (v,) = engine.check("加扣扣 88886666 吧").violations
        self.assertEqual(v.text, "88886666")
        both = replylint.Engine.from_yaml([("mem.yaml", MEM_PACK),
                                           ("shop.yaml", open(os.path.join(PACKS, "shop.yaml"), encoding="utf-8").read())])
        self.assertEqual(len(both.rules()), 3)
        engine.close()
        with self.assertRaises(replylint.Error) as e:
            engine.check("x")
        self.assertEqual(e.exception.code, "BAD_HANDLE")

    def test_compile_errors(self):
        bad = MEM_PACK.replace("'(?:qq", "'((?:qq")
        with self.assertRaises(replylint.Error) as e:
            replylint.Engine.from_yaml(bad, "bad.yaml")
        err = e.exception
        self.assertEqual((err.code, err.file, err.line, err.rule), ("BAD_PATTERN", "bad.yaml", 15, "mem.qq"))
        self.assertTrue(str(err).startswith("bad.yaml:15:"))
        with self.assertRaises(replylint.Error) as e:
            replylint.Engine.from_yaml(MEM_PACK.replace("patterns:", "paterns:"), "typo.yaml")
        self.assertEqual(e.exception.code, "SCHEMA")
        with self.assertRaises(replylint.Error) as e:
            replylint.Engine.from_directory("/nonexistent/replylint")
        self.assertEqual(e.exception.code, "IO")

    def test_threads_share_one_engine(self):
        replies = ["😊亲，加我微信吧", "您好", "电话13812345678", "保证明天送到哦", "支持微信支付"]
        expected = [self.engine.check(r) for r in replies]
        failures = []

        def work(offset):
            for k in range(300):
                i = (k + offset) % len(replies)
                if self.engine.check(replies[i]) != expected[i]:
                    failures.append(i)

        threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])

    def test_reload_by_rebinding(self):
        current = replylint.Engine.from_directory(PACKS)
        in_flight = current
        current = replylint.Engine.from_yaml(MEM_PACK)
        self.assertEqual(len(in_flight.check("加我微信").violations), 1)
        self.assertTrue(current.check("加我微信").clean)


if __name__ == "__main__":
    unittest.main()
