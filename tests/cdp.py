"""A tiny Chrome DevTools Protocol client (stdlib only) to test pages in Debian's headless chromium.

    with Browser() as b:
        page = b.open("file:///tmp/x.html")
        page.evaluate("document.title")
        page.requests, page.console_errors, page.exceptions
        page.screenshot("/tmp/x.png")

Chromium is started with ``--remote-debugging-port=0`` and a throw-away
profile; the port is read from ``DevToolsActivePort``. One WebSocket to the
browser, one flattened session per page. Needs the Debian package ``chromium``.
"""

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def chromium_binary():
    """Path of chromium, or None."""
    env = os.environ.get("CHROMIUM")
    if env:
        return env
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _read(path):
    with open(path) as fh:
        return fh.read()


class WebSocket:
    """Minimal RFC 6455 client: text frames, masking, fragmentation, ping/pong."""

    def __init__(self, host, port, path, timeout=30.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = ("GET {} HTTP/1.1\r\nHost: {}:{}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: {}\r\nSec-WebSocket-Version: 13\r\n\r\n").format(path, host, port, key)
        self.sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("websocket handshake: connection closed")
            head += chunk
        head, self.buffer = head.split(b"\r\n\r\n", 1)
        self.partial = b""
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError("websocket handshake failed: " + head.decode(errors="replace"))

    def _fill(self, n):
        """Make the buffer hold at least *n* bytes (a timeout leaves it intact)."""
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("websocket closed")
            self.buffer += chunk

    def send(self, text):
        payload = text.encode("utf-8")
        header = bytearray([0x81])
        n = len(payload)
        if n < 126:
            header.append(0x80 | n)
        elif n < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", n)
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes(header) + mask + masked)

    def _send_control(self, opcode, payload=b""):
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked)

    def _frame(self):
        """Take one complete frame off the buffer: (fin, opcode, payload)."""
        self._fill(2)
        b1, b2 = self.buffer[0], self.buffer[1]
        n, pos = b2 & 0x7F, 2
        if n == 126:
            self._fill(4)
            n, pos = struct.unpack(">H", self.buffer[2:4])[0], 4
        elif n == 127:
            self._fill(10)
            n, pos = struct.unpack(">Q", self.buffer[2:10])[0], 10
        masked = b2 & 0x80
        total = pos + (4 if masked else 0) + n
        self._fill(total)
        payload = self.buffer[pos + (4 if masked else 0):total]
        if masked:
            mask = self.buffer[pos:pos + 4]
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.buffer = self.buffer[total:]
        return b1 & 0x80, b1 & 0x0F, payload

    def recv(self):
        """The next text message (a timeout keeps partial data for the next call)."""
        while True:
            fin, opcode, payload = self._frame()
            if opcode == 0x9:
                self._send_control(0xA, payload)
                continue
            if opcode == 0xA:
                continue
            if opcode == 0x8:
                raise ConnectionError("websocket closed by peer")
            self.partial += payload
            if fin:
                message, self.partial = self.partial, b""
                return message.decode("utf-8")

    def close(self):
        try:
            self._send_control(0x8)
        except OSError:
            pass
        self.sock.close()


class Page:
    """A browser tab; collects requests, console errors and exceptions."""

    def __init__(self, browser, session_id):
        self.browser = browser
        self.session = session_id
        self.requests = []
        self.console_errors = []
        self.exceptions = []
        self.loaded = False

    def send(self, method, params=None, timeout=30.0):
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def handle(self, event):
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.exceptions.append(details.get("exception", {}).get("description") or details.get("text"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.console_errors.append(" ".join(str(a.get("value", a.get("description", "")))
                                                for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.console_errors.append("{}: {} {}".format(entry.get("source"), entry.get("text"),
                                                          entry.get("url", "")))
        elif method == "Page.loadEventFired":
            self.loaded = True

    def evaluate(self, expression, timeout=30.0):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in result:
            raise RuntimeError("evaluate failed: {}".format(result["exceptionDetails"]))
        return result["result"].get("value")

    def wait_for(self, expression, timeout=20.0):
        """Poll *expression* until it is truthy; return its value."""
        end = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > end:
                raise TimeoutError("page never satisfied: " + expression)
            self.browser.pump(0.1)

    def screenshot(self, path, width=1280, height=800):
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.browser.pump(0.5)
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as fh:
            fh.write(base64.b64decode(data))
        return path


class Browser:
    """Headless chromium with a DevTools connection; use as a context manager."""

    FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
             "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1280,800"]

    def __init__(self, binary=None, timeout=60.0):
        self.binary = binary or chromium_binary()
        if not self.binary:
            raise FileNotFoundError("chromium not found: install the Debian package 'chromium' "
                                    "(apt-get install chromium)")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="bk-chromium-")
        self.proc = None
        self.ws = None
        self._next_id = 0
        self.pages = {}
        self.pending = {}

    def __enter__(self):
        self.proc = subprocess.Popen([self.binary] + self.FLAGS + ["--user-data-dir=" + self.profile, "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        end = time.monotonic() + self.timeout
        while not (os.path.exists(port_file) and _read(port_file).count("\n") >= 1):
            if self.proc.poll() is not None:
                raise RuntimeError("chromium exited: " + self.proc.stderr.read().decode(errors="replace")[-2000:])
            if time.monotonic() > end:
                raise TimeoutError("chromium did not open its DevTools port")
            time.sleep(0.05)
        lines = _read(port_file).split("\n")
        self.ws = WebSocket("127.0.0.1", int(lines[0]), lines[1].strip(), timeout=self.timeout)
        return self

    def __exit__(self, *exc):
        try:
            if self.ws is not None:
                self.ws.close()
        finally:
            if self.proc is not None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
                self.proc.stderr.close()
            shutil.rmtree(self.profile, ignore_errors=True)

    def _dispatch(self, message):
        msg = json.loads(message)
        if "id" in msg:
            self.pending[msg["id"]] = msg
        elif "method" in msg:
            page = self.pages.get(msg.get("sessionId"))
            if page is not None:
                page.handle(msg)

    def send(self, method, params=None, session=None, timeout=30.0):
        self._next_id += 1
        mid = self._next_id
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        end = time.monotonic() + timeout
        while mid not in self.pending:
            if time.monotonic() > end:
                raise TimeoutError("no answer to " + method)
            self._dispatch(self.ws.recv())
        reply = self.pending.pop(mid)
        if "error" in reply:
            raise RuntimeError("{} failed: {}".format(method, reply["error"]))
        return reply.get("result", {})

    def pump(self, seconds):
        """Process events for *seconds*."""
        end = time.monotonic() + seconds
        self.ws.sock.settimeout(0.05)
        try:
            while time.monotonic() < end:
                try:
                    self._dispatch(self.ws.recv())
                except socket.timeout:
                    pass
        finally:
            self.ws.sock.settimeout(self.timeout)

    def open(self, url, timeout=30.0):
        """A new tab that loads *url* with Network/Runtime/Log/Page events on; waits for the load event."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        self.pages[session] = page
        for domain in ("Network", "Runtime", "Log", "Page"):
            page.send(domain + ".enable")
        page.send("Page.navigate", {"url": url})
        end = time.monotonic() + timeout
        while not page.loaded:
            if time.monotonic() > end:
                raise TimeoutError("page did not load: " + url)
            self.pump(0.1)
        self.pump(0.3)
        return page
