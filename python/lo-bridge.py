"""briefdeck serve's bridge to LibreOffice: starts one headless soffice listening on a private pipe,
connects through UNO, and converts decks to PDF on request, so each conversion costs a document load
(tens of milliseconds for a few slides) instead of a LibreOffice start (seconds).

Protocol: one JSON object per line. Requests on stdin: {"id": 1, "pptx": "/abs/in.pptx", "pdf":
"/abs/out.pdf"}; replies on stdout: {"id": 1, "ok": true} or {"id": 1, "ok": false, "error": "..."}.
First line out: {"ready": true} once LibreOffice answers, or {"ready": false, "error": "..."}.
Exit 3 when this Python has no UNO module (briefdeck then tries another Python). stdin closing ends
the bridge and LibreOffice with it.
"""
import json
import os
import subprocess
import sys
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError:
    sys.exit(3)

START_TIMEOUT_S = 60


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


class Office:
    def __init__(self, soffice, profile_dir):
        self.soffice = soffice
        self.profile = uno.systemPathToFileUrl(profile_dir)
        self.proc = None
        self.desktop = None

    def start(self):
        pipe = "briefdeck-%d-%d" % (os.getpid(), int(time.time() * 1000))
        self.proc = subprocess.Popen(
            [self.soffice, "-env:UserInstallation=" + self.profile, "--headless", "--invisible", "--norestore",
             "--nologo", "--nodefault", "--nolockcheck", "--accept=pipe,name=%s;urp;" % pipe],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + START_TIMEOUT_S
        while True:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                # LibreOffice restarts itself once on a fresh profile; only a real exit of the wrapper is fatal.
                if self.proc.poll() is not None and self.proc.returncode != 0:
                    raise RuntimeError("LibreOffice exited with status %d while starting" % self.proc.returncode)
                if time.time() > deadline:
                    raise RuntimeError("LibreOffice did not start within %d s" % START_TIMEOUT_S)
                time.sleep(0.02)
        self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

    def convert(self, pptx, pdf):
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(pptx), "_blank", 0,
                                                (prop("Hidden", True), prop("ReadOnly", True)))
        if doc is None:
            raise RuntimeError("LibreOffice could not open the deck")
        try:
            doc.storeToURL(uno.systemPathToFileUrl(pdf), (prop("FilterName", "impress_pdf_Export"),))
        finally:
            doc.close(True)

    def stop(self):
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass
        if self.proc is not None:
            try:
                self.proc.wait(timeout=5)
            except Exception:
                self.proc.kill()


def main():
    soffice, profile_dir = sys.argv[1], sys.argv[2]
    office = Office(soffice, profile_dir)
    try:
        office.start()
    except Exception as e:
        say({"ready": False, "error": str(e)})
        office.stop()
        return 1
    say({"ready": True})
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            req = json.loads(line)
            try:
                try:
                    office.convert(req["pptx"], req["pdf"])
                except Exception:
                    # A crashed or disposed LibreOffice: start a new one and try once more.
                    office.stop()
                    office.start()
                    office.convert(req["pptx"], req["pdf"])
                say({"id": req["id"], "ok": True})
            except Exception as e:
                say({"id": req["id"], "ok": False, "error": str(e).splitlines()[0] if str(e) else type(e).__name__})
    finally:
        office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
