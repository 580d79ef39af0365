"""Starts `replylint serve` on a free loopback port for a test and stops it (by its pid)."""
import http.client
import json
import os
import re
import signal
import subprocess
import threading
import time

BINARY = os.environ["REPLYLINT"]
SOURCE = os.environ["REPLYLINT_SOURCE"]
PACKS = os.path.join(SOURCE, "tests", "c_api", "packs")  # stable test packs, not rules/


class Server:
    def __init__(self, *args, rules=PACKS):
        cmd = [BINARY, "serve", "--listen", "127.0.0.1:0"] + (["--rules", rules] if rules else []) + list(args)
        self.proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.log = []
        self.port = None
        first = self.proc.stderr.readline()
        self.log.append(first)
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", first)
        if not m:
            self.proc.kill()
            raise RuntimeError("server did not start: " + first + self.proc.stderr.read())
        self.port = int(m.group(1))
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()

    def _read_log(self):
        for line in self.proc.stderr:
            self.log.append(line)

    def log_text(self):
        return "".join(self.log)

    def wait_log(self, pattern, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if re.search(pattern, self.log_text()):
                return True
            time.sleep(0.02)
        return False

    def conn(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, conn=None):
        """Returns (status, headers, body bytes)."""
        c = conn or self.conn()
        if isinstance(body, str):
            body = body.encode("utf-8")
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        if conn is None:
            c.close()
        return r.status, r.headers, data

    def json(self, method, path, doc=None, headers=None, raw=None):
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        status, hdrs, data = self.request(method, path, raw if raw is not None else (json.dumps(doc) if doc is not None else None), h)
        return status, hdrs, json.loads(data) if data and hdrs.get("Content-Type", "").startswith("application/json") else data.decode("utf-8", "replace")

    def form(self, body, path="/v2/check", headers=None):
        h = {"Content-Type": "application/x-www-form-urlencoded"}
        h.update(headers or {})
        status, hdrs, data = self.request("POST", path, body, h)
        return status, hdrs, json.loads(data) if hdrs.get("Content-Type", "").startswith("application/json") else data.decode("utf-8", "replace")

    def signal(self, sig):
        os.kill(self.proc.pid, sig)

    def stop(self):
        """SIGTERM, then the exit status must be 0: a graceful stop, and no sanitizer report."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._reader.join(2)
        self.proc.stderr.close()
        if self.proc.returncode != 0:
            raise AssertionError("the server exited %d:\n%s" % (self.proc.returncode, self.log_text()))
        return self.proc.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
