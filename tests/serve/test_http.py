"""Limits, bad input, security and lifecycle of `replylint serve`: body cap (413), wrong method
(405), read timeout, connection cap (503), Bearer tokens, CORS, the access log, reload by SIGHUP
and POST /v1/reload, graceful SIGTERM."""
import json
import os
import shutil
import signal
import socket
import tempfile
import threading
import time
import unittest

from fixture import PACKS, SOURCE, Server

WECHAT = {"replies": [{"reply": "加我微信吧"}]}


def raw_socket(server):
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    return s


def read_response(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int([l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0])
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


class Limits(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server("--max-body", "1000", "--read-timeout", "1", "--keep-alive", "1")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_body_too_large(self):
        doc = {"replies": [{"reply": "好" * 400}]}
        status, _, body = self.server.json("POST", "/v1/check", doc)
        self.assertEqual(status, 413)
        self.assertIn("1000 bytes", body["error"])
        status, hdrs, data = self.server.request("POST", "/v2/check", "language=zh-CN&text=" + "a" * 2000,
                                                 {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 413)
        self.assertTrue(data.startswith(b"Error: request body larger than 1000 bytes"))

    def test_wrong_method(self):
        for method, path, allow in (("GET", "/v1/check", "POST"), ("DELETE", "/v1/rules", "GET, HEAD"),
                                    ("PUT", "/v2/check", "GET, HEAD, POST"), ("POST", "/metrics", "GET, HEAD")):
            with self.subTest(path):
                status, hdrs, data = self.server.request(method, path)
                self.assertEqual(status, 405, data)
                self.assertEqual(hdrs["Allow"], allow)
                self.assertIn(method, data.decode())

    def test_unknown_path(self):
        status, _, data = self.server.request("GET", "/v3/check")
        self.assertEqual(status, 404)
        self.assertIn("/v3/check", json.loads(data)["error"])

    def test_request_line_and_headers_are_capped(self):
        status, _, data = self.server.request("GET", "/healthz?x=" + "a" * 9000)
        self.assertEqual(status, 414)
        self.assertIn("too long", json.loads(data)["error"])
        self.assertEqual(self.server.request("GET", "/healthz", headers={"X-Big": "a" * 9000})[0], 400)
        self.assertEqual(self.server.request("GET", "/healthz", headers={"X-Big": "a" * 4000})[0], 200)

    def test_malformed_http(self):
        s = raw_socket(self.server)
        s.sendall(b"NONSENSE\r\n\r\n")
        self.assertTrue(read_response(s).startswith(b"HTTP/1.1 400"))
        s.close()

    def test_read_timeout_ends_a_slow_request(self):
        for partial in (b"POST /v1/check HTTP/1.1\r\nHost: x\r\n",  # the headers never end
                        b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"):  # nor the body
            with self.subTest(partial):
                s = raw_socket(self.server)
                s.sendall(partial)
                start = time.time()
                answer = read_response(s)  # a 400, or nothing
                self.assertTrue(answer == b"" or answer.startswith(b"HTTP/1.1 400"), answer)
                self.assertGreater(time.time() - start, 0.9)  # --read-timeout 1
                self.assertLess(time.time() - start, 3)
                self.assertEqual(s.recv(100), b"")  # then the connection is closed (--keep-alive 1)
                self.assertLess(time.time() - start, 5)
                s.close()


class ConnectionCap(unittest.TestCase):
    """On a server of its own, so that no other test's connection counts."""

    def test_connections_beyond_the_cap_get_503(self):
        with Server("--threads", "2", "--max-connections", "3", "--keep-alive", "5") as s:
            held = []
            for _ in range(3):  # two served (keep-alive) and one waiting for a thread
                c = s.conn()
                c.request("GET", "/healthz")
                held.append(c)
            self.assertEqual(held[0].getresponse().status, 200)
            self.assertEqual(held[1].getresponse().status, 200)
            extra = s.conn(timeout=5)
            extra.request("GET", "/healthz")
            r = extra.getresponse()
            self.assertEqual(r.status, 503)
            self.assertIn("max-connections", json.loads(r.read())["error"])
            for c in held + [extra]:
                c.close()
            deadline = time.time() + 10  # the server notices the closed connections
            while s.request("GET", "/healthz")[0] != 200:
                self.assertLess(time.time(), deadline)
                time.sleep(0.1)


class Token(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.token_file = os.path.join(cls.dir, "token")
        with open(cls.token_file, "w") as f:
            f.write("s3cret-token\n")
        cls.server = Server("--token-file", cls.token_file)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.dir)

    def test_every_request_needs_the_token(self):
        for path in ("/healthz", "/metrics", "/v1/rules", "/v2/languages"):
            with self.subTest(path):
                self.assertEqual(self.server.request("GET", path)[0], 401)
                self.assertEqual(self.server.request("GET", path, headers={"Authorization": "Bearer wrong"})[0], 401)
                self.assertEqual(self.server.request("GET", path, headers={"Authorization": "Bearer s3cret-token"})[0], 200)
        status, hdrs, _ = self.server.json("POST", "/v1/check", WECHAT)
        self.assertEqual((status, hdrs["WWW-Authenticate"]), (401, "Bearer"))

    def test_the_static_page_does_not(self):
        for path in ("/", "/page.js", "/page.css"):
            self.assertEqual(self.server.request("GET", path)[0], 200)

    def test_reload_with_token(self):
        status, _, body = self.server.json("POST", "/v1/reload", headers={"Authorization": "Bearer s3cret-token"})
        self.assertEqual((status, body), (200, {"reloaded": "3 rules in 2 packs"}))
        self.assertEqual(self.server.json("POST", "/v1/reload")[0], 401)


class NoToken(unittest.TestCase):
    def test_reload_over_http_needs_a_token(self):
        with Server() as s:
            status, _, body = s.json("POST", "/v1/reload")
            self.assertEqual(status, 403)
            self.assertIn("--token-file", body["error"])


class Cors(unittest.TestCase):
    def test_off_by_default(self):
        with Server() as s:
            _, hdrs, _ = s.request("GET", "/healthz", headers={"Origin": "https://example.com"})
            self.assertIsNone(hdrs["Access-Control-Allow-Origin"])
            self.assertEqual(s.request("OPTIONS", "/v2/check", headers={"Origin": "https://example.com"})[0], 403)

    def test_named_origins_only(self):
        with Server("--allow-origin", "chrome-extension://abc", "--allow-origin", "https://qa.example.com") as s:
            _, hdrs, _ = s.form("text=a&language=zh-CN", headers={"Origin": "chrome-extension://abc"})
            self.assertEqual(hdrs["Access-Control-Allow-Origin"], "chrome-extension://abc")
            for path in ("/healthz", "/nope", "/v1/check"):  # answers, errors, wrong methods: one header
                _, hdrs, _ = s.request("GET", path, headers={"Origin": "https://qa.example.com"})
                self.assertEqual(hdrs.get_all("Access-Control-Allow-Origin"), ["https://qa.example.com"])
                self.assertEqual(hdrs.get_all("Vary"), ["Origin"])
            _, hdrs, _ = s.request("GET", "/healthz", headers={"Origin": "https://evil.example.com"})
            self.assertIsNone(hdrs["Access-Control-Allow-Origin"])
            status, hdrs, _ = s.request("OPTIONS", "/v2/check", headers={
                "Origin": "https://qa.example.com", "Access-Control-Request-Method": "POST"})
            self.assertEqual((status, hdrs["Access-Control-Allow-Origin"]), (204, "https://qa.example.com"))
            self.assertIn("POST", hdrs["Access-Control-Allow-Methods"])


class AccessLog(unittest.TestCase):
    def requests(self, s):
        s.json("POST", "/v1/check", {"replies": [{"reply": "秘密草稿加我微信", "buyer": "买家的话"}]})
        s.form("text=" + "%E7%A7%98%E5%AF%86" + "&language=zh-CN")  # 秘密
        s.request("GET", "/v2/check?text=%E7%A7%98%E5%AF%86&language=zh-CN")
        s.request("GET", "/no%0Aforged%20line")

    def test_off_by_default(self):
        with Server() as s:
            self.requests(s)
            s.stop()
            self.assertNotIn("/v1/check", s.log_text())

    def test_method_path_status_time_never_text(self):
        with Server("--access-log") as s:
            self.requests(s)
            s.stop()
            log = s.log_text()
            self.assertRegex(log, r"POST /v1/check 200 \d+\.\d+ms\n")
            self.assertRegex(log, r"POST /v2/check 200 \d+\.\d+ms\n")
            self.assertRegex(log, r"GET /v2/check 200 \d+\.\d+ms\n")
            self.assertRegex(log, r"GET /no\?forged line 404 ")
            for secret in ("秘密", "微信", "买家", "text=", "%E7"):
                self.assertNotIn(secret, log)


class Reload(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.rules = os.path.join(self.dir, "rules")
        shutil.copytree(PACKS, self.rules)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def rule_count(self, s):
        return s.json("GET", "/healthz")[2]["rules"]

    def test_sighup_reloads_and_a_broken_pack_is_refused(self):
        with Server(rules=self.rules) as s:
            self.assertEqual(self.rule_count(s), 3)
            shutil.copy(os.path.join(SOURCE, "tests/c_api/packs-v2/shop.yaml"), self.rules)
            s.signal(signal.SIGHUP)
            self.assertTrue(s.wait_log(r"rules reloaded: 4 rules in 2 packs"))
            self.assertEqual(self.rule_count(s), 4)
            shutil.copy(os.path.join(SOURCE, "tests/c_api/packs-broken/shop.yaml"), self.rules)
            s.signal(signal.SIGHUP)
            self.assertTrue(s.wait_log(r"reload refused, the rules in force stay: .*shop\.yaml:\d+:\d+: error"))
            self.assertEqual(self.rule_count(s), 4)
            status, _, body = s.json("POST", "/v1/check", {"replies": [{"reply": "qq号12345678"}]})
            self.assertEqual(body["replies"][0]["violations"][0]["rule"], "shop.qq")
            self.assertIn('replylint_rule_reloads_total{result="refused"} 1', s.request("GET", "/metrics")[2].decode())

    def test_requests_in_flight_during_reloads_all_succeed(self):
        v1 = os.path.join(PACKS, "shop.yaml")
        v2 = os.path.join(SOURCE, "tests/c_api/packs-v2/shop.yaml")
        with Server("--threads", "4", rules=self.rules) as s:
            results, stop = [], threading.Event()

            def hammer():
                conn = s.conn()
                while not stop.is_set():
                    status, _, data = s.request("POST", "/v1/check", json.dumps({"replies": [{"reply": "加我微信吧"}] * 50}),
                                                {"Content-Type": "application/json"}, conn=conn)
                    results.append((status, json.loads(data)["flagged"]))
                conn.close()

            workers = [threading.Thread(target=hammer) for _ in range(3)]
            for w in workers:
                w.start()
            for i in range(20):
                shutil.copy(v2 if i % 2 == 0 else v1, os.path.join(self.rules, "shop.yaml"))
                s.signal(signal.SIGHUP)
                self.assertTrue(s.wait_log(r"(?s)(rules reloaded.*){%d}" % (i + 1)))
            stop.set()
            for w in workers:
                w.join()
            self.assertGreater(len(results), 20)
            self.assertEqual(set(results), {(200, 50)})

    def test_post_reload_refuses_a_broken_pack(self):
        token = os.path.join(self.dir, "token")
        with open(token, "w") as f:
            f.write("t0ken")
        with Server("--token-file", token, rules=self.rules) as s:
            shutil.copy(os.path.join(SOURCE, "tests/c_api/packs-broken/shop.yaml"), self.rules)
            status, _, body = s.json("POST", "/v1/reload", headers={"Authorization": "Bearer t0ken"})
            self.assertEqual(status, 422)
            self.assertIn("shop.yaml", body["error"])
            self.assertEqual(s.json("GET", "/healthz", headers={"Authorization": "Bearer t0ken"})[2]["rules"], 3)


class Shutdown(unittest.TestCase):
    def test_sigterm_finishes_the_request_in_flight_and_exits_0(self):
        s = Server()
        body = json.dumps(WECHAT).encode()
        sock = raw_socket(s)
        sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                     % len(body) + body[:10])
        time.sleep(0.2)  # the server is now reading this request's body
        s.signal(signal.SIGTERM)
        time.sleep(0.2)
        sock.sendall(body[10:])
        response = read_response(sock)
        self.assertTrue(response.startswith(b"HTTP/1.1 200"), response)
        self.assertIn("shop.wechat", response.decode())
        sock.close()
        self.assertEqual(s.proc.wait(10), 0)
        s.stop()
        self.assertIn("SIGTERM", s.log_text())
        with self.assertRaises(OSError):  # no longer accepting
            socket.create_connection(("127.0.0.1", s.port), timeout=2)


class Listen(unittest.TestCase):
    def test_loopback_by_default(self):
        from fixture import BINARY
        import subprocess
        out = subprocess.run([BINARY, "serve", "--help"], capture_output=True, text=True).stdout
        self.assertIn("default 127.0.0.1:8081", out)

    def test_bad_listen_address(self):
        from fixture import BINARY
        import subprocess
        r = subprocess.run([BINARY, "serve", "--listen", "localhost"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("HOST:PORT", r.stderr)


if __name__ == "__main__":
    unittest.main()
