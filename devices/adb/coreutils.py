"""toybox-like commands of the device shell: files, text filters, processes."""

from __future__ import annotations

import hashlib
import re
import stat
import time

from devices.adb.android_cmds import U2_MAIN, foreground, pid_of
from devices.adb.files import FileError
from devices.adb.shell import Command, Context, Output


def _fail(out: Output, prog: str, what: str, e: FileError | str) -> None:
    out.err(f"{prog}: {what}: {e}\n")
    out.status = 1


def _split(argv: tuple[str, ...]) -> tuple[set[str], list[str]]:
    flags = {c for a in argv[1:] if a.startswith("-") and len(a) > 1 for c in a[1:]}
    return flags, [a for a in argv[1:] if not (a.startswith("-") and len(a) > 1)]


def _echo(ctx: Context, out: Output) -> None:
    args = list(ctx.argv[1:])
    newline = True
    if args[:1] == ["-n"]:
        args, newline = args[1:], False
    out.out(" ".join(args) + ("\n" if newline else ""))


def _cat(ctx: Context, out: Output) -> None:
    _, paths = _split(ctx.argv)
    if not paths:
        out.out(ctx.stdin)
    for p in paths:
        try:
            out.out(ctx.target.fs.read(p))
        except FileError as e:
            _fail(out, "cat", p, e)


def _rm(ctx: Context, out: Output) -> None:
    flags, paths = _split(ctx.argv)
    for p in paths:
        try:
            ctx.target.fs.remove(p, recursive="r" in flags or "R" in flags)
        except FileError as e:
            if "f" not in flags or "No such" not in str(e):
                _fail(out, "rm", p, e)


def _mkdir(ctx: Context, out: Output) -> None:
    flags, paths = _split(ctx.argv)
    for p in paths:
        try:
            ctx.target.fs.mkdir(p, parents="p" in flags)
        except FileError as e:
            _fail(out, "mkdir", p, e)


def _chmod(ctx: Context, out: Output) -> None:
    _, args = _split(ctx.argv)
    if len(args) < 2 or not re.fullmatch(r"[0-7]{3,4}", args[0]):
        return _fail(out, "chmod", "mode", "Invalid argument")
    for p in args[1:]:
        try:
            ctx.target.fs.chmod(p, int(args[0], 8))
        except FileError as e:
            _fail(out, "chmod", p, e)
    return None


def _ls(ctx: Context, out: Output) -> None:
    flags, paths = _split(ctx.argv)
    for p in paths or ["."]:
        try:
            entries = ctx.target.fs.listdir(p if p != "." else "/")
        except FileError as e:
            _fail(out, "ls", p, e)
            continue
        for name, node in entries:
            if "l" in flags:
                when = time.strftime("%Y-%m-%d %H:%M", time.localtime(node.mtime))
                perms = stat.filemode(node.mode)
                out.out(f"{perms} 1 shell shell {len(node.data):>8} {when} {name}\n")
            else:
                out.out(name + "\n")


def _md5sum(ctx: Context, out: Output) -> None:
    _, paths = _split(ctx.argv)
    for p in paths:
        try:
            out.out(f"{hashlib.md5(ctx.target.fs.read(p)).hexdigest()}  {p}\n")
        except FileError as e:
            _fail(out, "md5sum", p, e)


def _toybox(ctx: Context, out: Output) -> None:
    name = ctx.argv[1] if len(ctx.argv) > 1 else ""
    inner = COREUTILS.get(name)
    if inner is None:
        out.err(f"toybox: Unknown command {name}\n")
        out.status = 1
        return
    inner(Context(ctx.target, ctx.argv[1:], ctx.stdin, ctx.env), out)


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8", "replace").splitlines(keepends=True)


def _grep(ctx: Context, out: Output) -> None:
    flags, args = _split(ctx.argv)
    if not args:
        return _fail(out, "grep", "usage", "grep [-Eivc] PATTERN [FILE]")
    try:
        pattern = re.compile(args[0], re.IGNORECASE if "i" in flags else 0)
    except re.error as e:
        return _fail(out, "grep", args[0], str(e))
    matched = [ln for ln in _lines(ctx.stdin) if bool(pattern.search(ln)) != ("v" in flags)]
    if "c" in flags:
        out.out(f"{len(matched)}\n")
    else:
        out.out("".join(ln if ln.endswith("\n") else ln + "\n" for ln in matched))
    out.status = 0 if matched else 1
    return None


def _count(ctx: Context) -> int:
    args = list(ctx.argv[1:])
    for i, a in enumerate(args):
        if a == "-n" and i + 1 < len(args):
            return int(args[i + 1])
        if re.fullmatch(r"-n?\d+", a):
            return int(a.lstrip("-n"))
    return 10


def _head(ctx: Context, out: Output) -> None:
    out.out("".join(_lines(ctx.stdin)[: _count(ctx)]))


def _tail(ctx: Context, out: Output) -> None:
    n = _count(ctx)
    out.out("".join(_lines(ctx.stdin)[-n:] if n else []))


def _sed(ctx: Context, out: Output) -> None:
    _, args = _split(ctx.argv)
    m = re.fullmatch(r"s(.)(.*?)\1(.*?)\1(g?)", args[0]) if args else None
    if m is None:
        return _fail(out, "sed", "script", "unsupported (only s/re/repl/[g])")
    pattern, repl = re.compile(m.group(2)), m.group(3).replace("\\n", "\n")
    count = 0 if m.group(4) else 1
    text = "".join(pattern.sub(repl, ln.rstrip("\n"), count) + ln[len(ln.rstrip("\n")) :]
                   for ln in _lines(ctx.stdin))  # fmt: skip
    out.out(text)
    return None


def _wc(ctx: Context, out: Output) -> None:
    out.out(f"{len(_lines(ctx.stdin))}\n")


def _processes(ctx: Context) -> list[tuple[str, int]]:
    package, _ = foreground(ctx.target)
    procs = [("init", 1), ("zygote64", 600), ("system_server", 1100)]
    procs += [("com.android.systemui", 1500), (package, pid_of(package))]
    if ctx.target.u2_running:
        procs.append((U2_MAIN, pid_of(U2_MAIN)))
    return procs


def _ps(ctx: Context, out: Output) -> None:
    out.out("USER           PID  PPID     VSZ    RSS WCHAN            ADDR S NAME\n")
    for name, pid in _processes(ctx):
        user = "root" if pid < 1500 else "u0_a86"
        out.out(f"{user:<10} {pid:>8} {600:>5} 1234567  98765 do_epoll_wait       0 S {name}\n")


def _pidof(ctx: Context, out: Output) -> None:
    wanted = set(ctx.argv[1:])
    pids = [str(pid) for name, pid in _processes(ctx) if name in wanted]
    out.out(" ".join(pids) + "\n" if pids else "")
    out.status = 0 if pids else 1


def _status(code: int) -> Command:
    def run(ctx: Context, out: Output) -> None:
        out.status = code

    return run


def _exit(ctx: Context, out: Output) -> None:
    arg = ctx.argv[1] if len(ctx.argv) > 1 else "0"
    out.status = int(arg) & 0xFF if arg.lstrip("-").isdigit() else 2
    out.exited = True


def _sleep(ctx: Context, out: Output) -> None:
    time.sleep(min(float(ctx.argv[1]) if len(ctx.argv) > 1 else 0.0, 5.0))


COREUTILS: dict[str, Command] = {
    "echo": _echo,
    "cat": _cat,
    "rm": _rm,
    "mkdir": _mkdir,
    "chmod": _chmod,
    "ls": _ls,
    "md5sum": _md5sum,
    "toybox": _toybox,
    "grep": _grep,
    "head": _head,
    "tail": _tail,
    "sed": _sed,
    "wc": _wc,
    "ps": _ps,
    "pidof": _pidof,
    "true": _status(0),
    "false": _status(1),
    "sleep": _sleep,
    "exit": _exit,
}
