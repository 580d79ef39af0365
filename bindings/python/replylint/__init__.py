"""replylint for Python: check customer-service replies against Taobao/Tmall rules.

A thin ctypes layer over the C API (include/replylint/replylint.h); standard library only.

    import replylint

    engine = replylint.Engine.from_embedded()        # or .from_directory("rules"),
                                                     # or .from_yaml(pack_text, "shop.yaml")
    report = engine.check("亲,加我微信 abc12345")
    for v in report.violations:
        print(v.rule, v.points, v.text, v.suggestion)
        assert reply[v.char_start:v.char_end] == v.text     # str indexes are code points

    shop = replylint.CheckOptions(skip=["shipping-promise"], points={"off-platform.wechat": 12},
                                  max_reply_bytes=2000)
    report = engine.check(draft, shop)
    report = engine.check("有的，稍等", buyer="有QQ吗？")  # the buyer's last message as context

    log(replylint.mask(reply))    # "电话138****5678": phone, ID numbers and e-mail local parts hidden

Errors raise replylint.Error (code, status, file, line, column, rule). An Engine may be shared
by any number of threads; check() releases the GIL while it runs. To reload rules, build a new
Engine and rebind the variable: checks in progress keep the engine they were called on.

The shared library is found through $REPLYLINT_LIBRARY (a path), else where `pip install` found
it (recorded in replylint/_library.py by backend/replylint_build.py), else as "replylint" on
the system's library path (ctypes.util.find_library), else libreplylint.so next to this package.
"""

import ctypes
import ctypes.util
import os
from dataclasses import dataclass
from typing import Iterable, List, Mapping, Optional, Sequence, Tuple, Union

__all__ = ["Engine", "CheckOptions", "Report", "Violation", "Rule", "Error", "mask", "version"]

# Status codes, as in replylint.h.
OK = 0
_CODES = {
    1: "INVALID_ARGUMENT", 2: "IO", 3: "YAML_SYNTAX", 4: "SCHEMA", 5: "BAD_PATTERN",
    6: "DUPLICATE_RULE", 7: "OUT_OF_MEMORY", 8: "TOO_LONG", 9: "INTERNAL", 10: "BAD_HANDLE",
}


class _ErrorRecord(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("message", ctypes.c_char_p), ("file", ctypes.c_char_p),
                ("line", ctypes.c_int), ("column", ctypes.c_int), ("rule", ctypes.c_char_p),
                ("text", ctypes.c_char_p)]


class _PackText(ctypes.Structure):
    _fields_ = [("file", ctypes.c_char_p), ("yaml", ctypes.c_char_p), ("yaml_length", ctypes.c_size_t)]


class _Rule(ctypes.Structure):
    _fields_ = [("id", ctypes.c_char_p), ("pack", ctypes.c_char_p), ("title", ctypes.c_char_p),
                ("message", ctypes.c_char_p), ("suggestion", ctypes.c_char_p),
                ("source", ctypes.c_char_p), ("points", ctypes.c_int),
                ("platform_rule", ctypes.c_char_p)]


class _Violation(ctypes.Structure):
    _fields_ = [("rule", ctypes.c_char_p), ("pack", ctypes.c_char_p), ("title", ctypes.c_char_p),
                ("points", ctypes.c_int),
                ("start", ctypes.c_uint32), ("end", ctypes.c_uint32),
                ("char_start", ctypes.c_uint32), ("char_end", ctypes.c_uint32),
                ("utf16_start", ctypes.c_uint32), ("utf16_end", ctypes.c_uint32),
                ("text", ctypes.c_void_p), ("text_length", ctypes.c_size_t),
                ("message", ctypes.c_char_p), ("suggestion", ctypes.c_char_p),
                ("platform_rule", ctypes.c_char_p), ("counted", ctypes.c_int)]


def _load():
    path = os.environ.get("REPLYLINT_LIBRARY")
    if not path:
        try:  # only an installed package has it: run from the source tree, the loader's path serves
            from ._library import PATH as path
        except ImportError:
            pass
    if not path:
        path = ctypes.util.find_library("replylint")
    if not path:
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.join(here, "libreplylint.so")
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        raise ImportError(f"replylint: cannot load the shared library ({path}): {e}; "
                          "install it (then reinstall this package) or set REPLYLINT_LIBRARY to libreplylint.so") from e
    P, I, S = ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t
    PP = ctypes.POINTER(ctypes.c_void_p)
    ERR = ctypes.POINTER(ctypes.POINTER(_ErrorRecord))
    sig = {
        "replylint_status_string": (ctypes.c_char_p, [I]),
        "replylint_version": (ctypes.c_char_p, []),
        "replylint_error_free": (None, [ctypes.POINTER(_ErrorRecord)]),
        "replylint_engine_from_embedded": (I, [PP, ERR]),
        "replylint_engine_from_directory": (I, [ctypes.c_char_p, PP, ERR]),
        "replylint_engine_from_yaml": (I, [ctypes.POINTER(_PackText), S, PP, ERR]),
        "replylint_engine_free": (None, [P]),
        "replylint_engine_rule_count": (S, [P]),
        "replylint_engine_rule": (ctypes.POINTER(_Rule), [P, S]),
        "replylint_options_new": (I, [PP]),
        "replylint_options_free": (None, [P]),
        "replylint_options_only": (I, [P, ctypes.c_char_p]),
        "replylint_options_skip": (I, [P, ctypes.c_char_p]),
        "replylint_options_points": (I, [P, ctypes.c_char_p, I]),
        "replylint_options_max_reply_bytes": (I, [P, S]),
        "replylint_check_with_buyer": (I, [P, ctypes.c_char_p, S, ctypes.c_char_p, S, P, PP, ERR]),
        "replylint_report_count": (S, [P]),
        "replylint_report_violation": (ctypes.POINTER(_Violation), [P, S]),
        "replylint_report_points": (I, [P]),
        "replylint_report_invalid_utf8": (I, [P]),
        "replylint_report_free": (None, [P]),
        "replylint_mask": (I, [ctypes.c_char_p, S, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(S)]),
        "replylint_mask_free": (None, [P]),
    }
    for name, (restype, argtypes) in sig.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = restype, argtypes
    return lib


_lib = _load()


def version() -> str:
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return _lib.replylint_version().decode()


def mask(text: Union[str, bytes]) -> Union[str, bytes]:
    """`text` with phone, ID and card numbers (digit runs of 5 or more: 138****5678) and the
    local part of e-mail addresses masked, every digit form the engine reads as a digit included
    (include/replylint/mask.hpp). One '*' per masked character, so code-point offsets such as
    Violation.char_start index the result too. Returns str for str and bytes for bytes (bytes
    that are not UTF-8 are copied as they are)."""
    data = _encode(text)
    out, length = ctypes.c_void_p(), ctypes.c_size_t()
    status = _lib.replylint_mask(data, len(data), ctypes.byref(out), ctypes.byref(length))
    if status != OK:
        _raise(status, None)
    try:
        masked = ctypes.string_at(out, length.value)
    finally:
        _lib.replylint_mask_free(out)
    return bytes(masked) if isinstance(text, (bytes, bytearray)) else masked.decode("utf-8", "replace")


def _s(b: Optional[bytes]) -> str:
    return b.decode("utf-8", "replace") if b else ""


class Error(Exception):
    """A replylint failure. `code` is the name ("SCHEMA", "TOO_LONG", ...), `status` the C value;
    `file`, `line`, `column` and `rule` say where, when known; str(e) is the one-line form
    "FILE:LINE:COLUMN: error: MESSAGE [RULE]"."""

    def __init__(self, status: int, text: str, message: str = "", file: str = "", line: int = 0,
                 column: int = 0, rule: str = ""):
        super().__init__(text)
        self.status, self.code = status, _CODES.get(status, "INTERNAL")
        self.message, self.file, self.line, self.column, self.rule = message or text, file, line, column, rule


def _raise(status: int, err) -> None:
    if err:
        e = err.contents
        exc = Error(status, _s(e.text), _s(e.message), _s(e.file), e.line, e.column, _s(e.rule))
        _lib.replylint_error_free(err)
    else:
        exc = Error(status, _s(_lib.replylint_status_string(status)))
    raise exc


def _encode(text: Union[str, bytes]) -> bytes:
    # 'replace' keeps one character per character, so char offsets index the str.
    return bytes(text) if isinstance(text, (bytes, bytearray)) else text.encode("utf-8", "replace")


@dataclass(frozen=True)
class Violation:
    """A broken rule. Offsets index the reply, end exclusive: start/end in UTF-8 bytes,
    char_start/char_end in code points (Python str), utf16_start/utf16_end in UTF-16 units.
    platform_rule is the platform rule broken ("<pack>.<name>"): of the violations of a report
    sharing one, only the one with the most points is `counted` into Report.points."""
    rule: str
    pack: str
    title: str
    points: int
    start: int
    end: int
    char_start: int
    char_end: int
    utf16_start: int
    utf16_end: int
    text: str
    message: str
    suggestion: str
    platform_rule: str
    counted: bool


@dataclass(frozen=True)
class Report:
    violations: List[Violation]
    points: int
    invalid_utf8: bool

    @property
    def clean(self) -> bool:
        return not self.violations


@dataclass(frozen=True)
class Rule:
    id: str
    pack: str
    title: str
    message: str
    suggestion: str
    source: str
    points: int
    platform_rule: str  # rules sharing one count once per reply


class CheckOptions:
    """Per-shop choices for Engine.check(): `only` / `skip` name packs or rules, `points` maps
    rule ids to 0..48, `max_reply_bytes` (0: the engine's limit). Build once, reuse. An id the
    engine does not know makes check() raise INVALID_ARGUMENT."""

    def __init__(self, only: Iterable[str] = (), skip: Iterable[str] = (),
                 points: Optional[Mapping[str, int]] = None, max_reply_bytes: int = 0):
        handle = ctypes.c_void_p()
        status = _lib.replylint_options_new(ctypes.byref(handle))
        if status != OK:
            _raise(status, None)
        self._handle = handle
        for fn, ids in ((_lib.replylint_options_only, only), (_lib.replylint_options_skip, skip)):
            for id_ in ids:
                status = fn(self._handle, id_.encode())
                if status != OK:
                    raise Error(status, f"error: not a valid pack or rule id: {id_!r}", rule=id_)
        for rule, p in (points or {}).items():
            status = _lib.replylint_options_points(self._handle, rule.encode(), int(p))
            if status != OK:
                raise Error(status, f"error: points for {rule!r} must be 0..48, not {p}", rule=rule)
        if max_reply_bytes < 0:
            raise Error(1, "error: max_reply_bytes must be >= 0")
        _lib.replylint_options_max_reply_bytes(self._handle, max_reply_bytes)

    def __del__(self):
        if getattr(self, "_handle", None) and _lib is not None:
            _lib.replylint_options_free(self._handle)
            self._handle = None


class Engine:
    """Compiled rule packs. Immutable; share one across threads."""

    def __init__(self, handle: ctypes.c_void_p):
        self._handle = handle

    @staticmethod
    def _build(fn, *args) -> "Engine":
        handle, err = ctypes.c_void_p(), ctypes.POINTER(_ErrorRecord)()
        status = fn(*args, ctypes.byref(handle), ctypes.byref(err))
        if status != OK:
            _raise(status, err)
        return Engine(handle)

    @classmethod
    def from_embedded(cls) -> "Engine":
        """The packs built into the library."""
        return cls._build(_lib.replylint_engine_from_embedded)

    @classmethod
    def from_directory(cls, directory: Union[str, os.PathLike]) -> "Engine":
        """Every *.yaml pack of a folder."""
        return cls._build(_lib.replylint_engine_from_directory, os.fsencode(directory))

    @classmethod
    def from_yaml(cls, packs: Union[str, Sequence[Tuple[str, str]]], file: str = "<memory>") -> "Engine":
        """Packs as YAML text: one text, or a list of (file name, text) pairs."""
        if isinstance(packs, (str, bytes)):
            packs = [(file, packs)]
        keep = [(f.encode(), _encode(y)) for f, y in packs]
        array = (_PackText * max(len(keep), 1))()
        for i, (f, y) in enumerate(keep):
            array[i] = _PackText(f, y, len(y))
        return cls._build(_lib.replylint_engine_from_yaml, array, len(keep))

    def check(self, reply: Union[str, bytes], options: Optional[CheckOptions] = None,
              buyer: Optional[Union[str, bytes]] = None) -> Report:
        """Checks one reply (str, or bytes of any kind: invalid UTF-8 is flagged, not refused).
        `buyer` is the buyer's last message, which the reply answers: rules that judge a consent
        (asked for a QQ number, answered 有的) fire only with it. None or "" checks the reply alone."""
        if self._handle is None:
            raise Error(10, "error: the engine was closed")
        data = _encode(reply)
        context = _encode(buyer) if buyer else b""
        report, err = ctypes.c_void_p(), ctypes.POINTER(_ErrorRecord)()
        opts = options._handle if options is not None else None
        status = _lib.replylint_check_with_buyer(self._handle, context, len(context), data, len(data), opts,
                                                 ctypes.byref(report), ctypes.byref(err))
        if status != OK:
            _raise(status, err)
        try:
            out = []
            for i in range(_lib.replylint_report_count(report)):
                v = _lib.replylint_report_violation(report, i).contents
                text = ctypes.string_at(v.text, v.text_length).decode("utf-8", "replace")
                out.append(Violation(_s(v.rule), _s(v.pack), _s(v.title), v.points, v.start, v.end,
                                     v.char_start, v.char_end, v.utf16_start, v.utf16_end, text,
                                     _s(v.message), _s(v.suggestion), _s(v.platform_rule),
                                     bool(v.counted)))
            return Report(out, _lib.replylint_report_points(report),
                          bool(_lib.replylint_report_invalid_utf8(report)))
        finally:
            _lib.replylint_report_free(report)

    def rules(self) -> List[Rule]:
        rules = []
        for i in range(_lib.replylint_engine_rule_count(self._handle)):
            r = _lib.replylint_engine_rule(self._handle, i).contents
            rules.append(Rule(_s(r.id), _s(r.pack), _s(r.title), _s(r.message), _s(r.suggestion),
                              _s(r.source), r.points, _s(r.platform_rule)))
        return rules

    def close(self) -> None:
        """Frees the engine now rather than when it is garbage-collected. Only when no other
        thread is checking with it: to reload rules, rebind the variable instead."""
        if getattr(self, "_handle", None) is not None and _lib is not None:
            _lib.replylint_engine_free(self._handle)
            self._handle = None

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        self.close()
