"""The device-side shell: a POSIX-like command-line parser that never evaluates anything.

Supported syntax: words with '…', "…" and backslash quoting; `;`, newline, `&&`, `||`,
`|`, a trailing `&`; redirections `>`, `>>`, `<`, `2>`, `2>&1`, `>&2`, `&>`; leading
`NAME=value` assignments; `#` comments. The one expansion performed is `$?` (the last
exit status, which adb clients append to learn it). Everything a real shell would expand
or evaluate — `$NAME`, `${…}`, `$(…)`, backquotes, globs — stays literal text and is
recorded in `AdbTarget.unevaluated`, so tests can prove that no client relied on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from devices.adb.files import FileError
from devices.adb.target import AdbTarget, FaultDropped

logger = logging.getLogger(__name__)

STATUS = "\x00?"  # stands for an unquoted or double-quoted `$?` until run time
_OPERATORS = ("&&", "||", ";", "|", "&", "\n")
_SPECIAL_IN_DQUOTE = '$`"\\\n'


class ShellSyntaxError(Exception):
    pass


@dataclass(frozen=True)
class Token:
    text: str
    op: bool = False  # an operator or redirection, not a word


@dataclass(frozen=True)
class Redirect:
    fd: int  # 1 stdout, 2 stderr, 0 stdin
    target: str  # a path, or "&1" / "&2"
    append: bool = False


@dataclass(frozen=True)
class SimpleCommand:
    argv: tuple[str, ...]
    assigns: tuple[tuple[str, str], ...] = ()
    redirects: tuple[Redirect, ...] = ()


@dataclass(frozen=True)
class Pipeline:
    commands: tuple[SimpleCommand, ...]
    connector: str = ";"  # how it joins the previous pipeline: ";", "&&", "||", "&"


@dataclass
class Output:
    """What a command produced: chunks on stdout (1) and stderr (2), in order."""

    chunks: list[tuple[int, bytes]] = field(default_factory=list)
    status: int = 0
    hold_open: bool = False  # a long-running service: keep the session open
    follow: Any = None  # a command that keeps printing: called with a timeout (s), it returns
    # what came (bytes), None once it ends; close() stops it (devices.adb.getevent_cmd)
    exited: bool = False  # `exit` ran: stop the command line

    def out(self, data: bytes | str) -> None:
        self.chunks.append((1, data.encode() if isinstance(data, str) else data))

    def err(self, data: bytes | str) -> None:
        self.chunks.append((2, data.encode() if isinstance(data, str) else data))

    def stream(self, fd: int) -> bytes:
        return b"".join(d for f, d in self.chunks if f == fd)


@dataclass(frozen=True)
class Context:
    target: AdbTarget
    argv: tuple[str, ...]
    stdin: bytes
    env: tuple[tuple[str, str], ...] = ()


Command = Callable[[Context, Output], None]


class _Lexer:
    def __init__(self, line: str, unevaluated: list[str]) -> None:
        self.s = line
        self.i = 0
        self.unevaluated = unevaluated

    def tokens(self) -> list[Token]:
        out: list[Token] = []
        while True:
            self._skip_blanks()
            if self.i >= len(self.s):
                return out
            tok = self._operator() or self._word()
            if tok is not None:
                out.append(tok)

    def _skip_blanks(self) -> None:
        while self.i < len(self.s) and self.s[self.i] in " \t\r":
            self.i += 1
        if self.i < len(self.s) and self.s[self.i] == "#":
            while self.i < len(self.s) and self.s[self.i] != "\n":
                self.i += 1

    def _operator(self) -> Token | None:
        rest = self.s[self.i :]
        for op in ("2>&1", "1>&2", ">&2", "&>", "2>>", "2>", ">>", ">", "<"):
            if rest.startswith(op):
                self.i += len(op)
                return Token(op, op=True)
        for op in _OPERATORS:
            if rest.startswith(op):
                self.i += len(op)
                return Token(op, op=True)
        return None

    def _word(self) -> Token:
        buf: list[str] = []
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r\n;&|<>":
                break
            self.i += 1
            if c == "'":
                buf.append(self._single_quoted())
            elif c == '"':
                buf.append(self._double_quoted())
            elif c == "\\":
                buf.append(self._escaped())
            elif c == "$":
                buf.append(self._dollar())
            elif c == "`":
                self._note("`")
                buf.append(c)
            else:
                if c in "*?[":
                    self._note(c)
                buf.append(c)
        return Token("".join(buf))

    def _single_quoted(self) -> str:
        end = self.s.find("'", self.i)
        if end < 0:
            raise ShellSyntaxError("unterminated single quote")
        text = self.s[self.i : end]
        self.i = end + 1
        return text

    def _double_quoted(self) -> str:
        buf: list[str] = []
        while self.i < len(self.s):
            c = self.s[self.i]
            self.i += 1
            if c == '"':
                return "".join(buf)
            if c == "\\" and self.i < len(self.s) and self.s[self.i] in _SPECIAL_IN_DQUOTE:
                nxt = self.s[self.i]
                self.i += 1
                if nxt != "\n":
                    buf.append(nxt)
            elif c == "$":
                buf.append(self._dollar())
            else:
                if c == "`":
                    self._note("`")
                buf.append(c)
        raise ShellSyntaxError("unterminated double quote")

    def _escaped(self) -> str:
        if self.i >= len(self.s):
            return ""
        c = self.s[self.i]
        self.i += 1
        return "" if c == "\n" else c

    def _dollar(self) -> str:
        nxt = self.s[self.i : self.i + 1]
        if nxt == "?":
            self.i += 1
            return STATUS
        if nxt and (nxt.isalnum() or nxt in "_{(@*#!$-"):
            self._note("$" + nxt)
        return "$"

    def _note(self, what: str) -> None:
        self.unevaluated.append(f"{what} in {self.s!r}")


def parse(line: str, unevaluated: list[str] | None = None) -> list[Pipeline]:
    """Parse one command line into pipelines; raises ShellSyntaxError."""
    tokens = _Lexer(line, unevaluated if unevaluated is not None else []).tokens()
    pipelines: list[Pipeline] = []
    connector = ";"
    commands: list[SimpleCommand] = []
    words: list[Token] = []
    for tok in [*tokens, Token("\n", op=True)]:
        if tok.op and tok.text in _OPERATORS:
            if tok.text == "|":
                commands.append(_simple(words))
                words = []
                continue
            if words:
                commands.append(_simple(words))
            elif commands or tok.text in ("&&", "||", "|"):
                raise ShellSyntaxError(f"syntax error: unexpected '{tok.text.strip()}'")
            if commands:
                pipelines.append(Pipeline(tuple(commands), connector))
            words, commands = [], []
            connector = ";" if tok.text in ("\n", "&") else tok.text
        else:
            words.append(tok)
    return pipelines


def _simple(tokens: list[Token]) -> SimpleCommand:
    argv: list[str] = []
    assigns: list[tuple[str, str]] = []
    redirects: list[Redirect] = []
    it = iter(tokens)
    for tok in it:
        if tok.op:
            redirects.append(_redirect(tok.text, next(it, None)))
        elif not argv and _is_assignment(tok.text):
            name, _, value = tok.text.partition("=")
            assigns.append((name, value))
        else:
            argv.append(tok.text)
    if not argv and not assigns:
        raise ShellSyntaxError("syntax error: empty command")
    return SimpleCommand(tuple(argv), tuple(assigns), tuple(redirects))


def _redirect(op: str, target: Token | None) -> Redirect:
    fixed = {"2>&1": Redirect(2, "&1"), "1>&2": Redirect(1, "&2"), ">&2": Redirect(1, "&2")}
    if op in fixed:
        return fixed[op]
    if target is None or target.op:
        raise ShellSyntaxError(f"syntax error: no file after '{op}'")
    if op == "&>":
        return Redirect(3, target.text)
    fd = 0 if op == "<" else 2 if op.startswith("2") else 1
    return Redirect(fd, target.text, append=op.endswith(">>"))


def _is_assignment(word: str) -> bool:
    name, eq, _ = word.partition("=")
    return bool(eq) and name.replace("_", "a").isalnum() and not name[0].isdigit()


class Shell:
    """Runs command lines against one target with a table of commands."""

    def __init__(self, target: AdbTarget, commands: dict[str, Command]) -> None:
        self.target = target
        self.commands = commands

    def run(self, line: str) -> Output:
        total = Output()
        try:
            pipelines = parse(line, self.target.unevaluated)
        except ShellSyntaxError as e:
            total.err(f"/system/bin/sh: {e}\n")
            total.status = 2
            return total
        try:
            for pipeline in pipelines:
                if pipeline.connector == "&&" and total.status != 0:
                    continue
                if pipeline.connector == "||" and total.status == 0:
                    continue
                self._pipeline(pipeline, total)
                if total.hold_open or total.exited or total.follow is not None:
                    break
        except FaultDropped as e:
            raise FaultDropped(b"".join(d for _, d in total.chunks) + e.partial) from None
        return total

    def _pipeline(self, pipeline: Pipeline, total: Output) -> None:
        stdin = b""
        last = len(pipeline.commands) - 1
        for i, cmd in enumerate(pipeline.commands):
            result = self._simple(cmd, stdin, total.status)
            if i < last:
                stdin = result.stream(1)
                total.chunks.extend((2, d) for f, d in result.chunks if f == 2)
            else:
                total.chunks.extend(result.chunks)
                total.status = result.status
                total.hold_open = result.hold_open
                total.follow = result.follow
                total.exited = result.exited

    def _simple(self, cmd: SimpleCommand, stdin: bytes, last_status: int) -> Output:
        argv = tuple(a.replace(STATUS, str(last_status)) for a in cmd.argv)
        result = Output()
        stdin = self._stdin(cmd, stdin, result)
        if result.status:
            return result
        if argv:
            self.target.log_command(argv)
            logger.debug("%s$ %s", self.target.serial, argv)
            handler = self.commands.get(argv[0])
            if handler is None:
                result.err(f"/system/bin/sh: {argv[0]}: inaccessible or not found\n")
                result.status = 127
            else:
                handler(Context(self.target, argv, stdin, cmd.assigns), result)
            self.target.faults.apply(argv[0], result.stream(1))
        return self._redirected(cmd, result)

    def _stdin(self, cmd: SimpleCommand, stdin: bytes, result: Output) -> bytes:
        for r in cmd.redirects:
            if r.fd == 0:
                try:
                    return self.target.fs.read(r.target)
                except FileError as e:
                    result.err(f"/system/bin/sh: {r.target}: {e}\n")
                    result.status = 1
        return stdin

    def _redirected(self, cmd: SimpleCommand, result: Output) -> Output:
        chunks = list(result.chunks)
        for r in cmd.redirects:
            if r.fd == 0:
                continue
            if r.target in ("&1", "&2"):
                src, dst = r.fd, int(r.target[1])
                chunks = [(dst if f == src else f, d) for f, d in chunks]
                continue
            fds = (1, 2) if r.fd == 3 else (r.fd,)
            data = b"".join(d for f, d in chunks if f in fds)
            chunks = [(f, d) for f, d in chunks if f not in fds]
            if r.target not in ("/dev/null", "/dev/tty"):
                self._write(r, data, chunks)
            elif r.target == "/dev/tty":
                chunks.append((1, data))
        result.chunks = chunks
        return result

    def _write(self, r: Redirect, data: bytes, chunks: list[tuple[int, bytes]]) -> None:
        try:
            self.target.fs.write(r.target, data, append=r.append)
        except FileError as e:
            chunks.append((2, f"/system/bin/sh: can't create {r.target}: {e}\n".encode()))
