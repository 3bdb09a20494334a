"""Sandbox launcher: ``python -I _jail.py CONFIG -- COMMAND...`` runs COMMAND in a jail (Linux namespaces).

Standard library only; nothing of the candidate runs before the jail is closed. CONFIG is JSON written by
`ordino.evolve.sandbox`: ``root`` (an empty skeleton folder), ``binds`` (folders shown read-only
at their own path), ``links`` (symlinks to recreate, e.g. ``/bin -> usr/bin``), ``devices``, ``uid`` (the
unprivileged id the command runs as), ``rlimits``, ``env`` and ``isolate``. Steps:

1. a mapper process stays outside; this process enters new user, mount, pid, network, IPC, UTS and cgroup
   namespaces and the mapper maps only ``uid`` into the new user namespace (root never is);
2. the first child (pid 1 of the new pid namespace) binds the skeleton and the read-only folders,
   caps nested user namespaces at 0, ``pivot_root``s into the skeleton and detaches the old root (no
   ``/proc``, no ``/sys``, no home, nothing writable), switches to ``uid``, drops every capability, sets
   no-new-privs and the rlimits, closes every other descriptor and execs COMMAND with ``env`` only;
3. this process waits for it and exits with its status. When the parent dies this process gets SIGKILL,
   and then pid 1 too (parent-death signals); when pid 1 dies the kernel kills everything left in its
   namespace.

Without ``isolate`` only the rlimits are set before the exec (the explicit weak mode). Exit code 125 and
an ``ordino-jail:`` line on stderr mean the jail could not be set up.
"""

import ctypes
import json
import os
import platform
import resource
import select
import signal
import sys

SETUP_FAILED = 125
CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS = 0x00020000, 0x02000000, 0x04000000
CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x08000000, 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT = 1, 2, 4, 8, 32
MS_NOATIME, MS_NODIRATIME, MS_BIND, MS_REC, MS_PRIVATE, MS_RELATIME = 1024, 2048, 4096, 16384, 1 << 18, 1 << 21
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT = 1, 24, 38, 47
PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "ppc64le": 203, "s390x": 217}

libc = ctypes.CDLL(None, use_errno=True)


class JailError(Exception):
    """The jail could not be set up."""


def _call(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise JailError(f"{what}: {os.strerror(err)}")


def _mount(src: str | None, dst: str, flags: int) -> None:
    _call(libc.mount(src and src.encode(), dst.encode(), None, ctypes.c_ulong(flags), None), f"mount {dst}")


def _read_only(path: str, devices: bool = False) -> None:
    """Remount a bind mount read-only, nosuid (and nodev), keeping the flags the kernel locks."""
    have = os.statvfs(path).f_flag
    keep = {os.ST_NOEXEC: MS_NOEXEC, os.ST_NOATIME: MS_NOATIME, os.ST_NODIRATIME: MS_NODIRATIME,
            os.ST_RELATIME: MS_RELATIME, os.ST_NODEV: MS_NODEV}
    flags = MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | (0 if devices else MS_NODEV)
    for st, ms in keep.items():
        if have & st:
            flags |= ms
    _mount(None, path, flags)


def _skeleton(cfg: dict) -> None:
    """Empty mount points in the root folder (made before the namespaces, while every path is reachable)."""
    root = cfg["root"]
    os.umask(0o022)
    os.chmod(root, 0o755)
    for path in cfg["binds"]:
        os.makedirs(root + path, mode=0o755, exist_ok=True)
    for link, target in cfg["links"].items():
        os.symlink(target, root + link)
    for dev in cfg["devices"]:
        os.makedirs(os.path.dirname(root + dev), mode=0o755, exist_ok=True)
        open(root + dev, "w").close()


def _write(path: str, text: str) -> None:
    with open(path, "w") as fh:
        fh.write(text)


def _enter(cfg: dict) -> None:
    """New namespaces for this process; a forked helper outside writes the id maps (only ``uid``)."""
    uid, gid = cfg["uid"], cfg["uid"]
    outer_uid, outer_gid = (uid, gid) if os.geteuid() == 0 else (os.geteuid(), os.getegid())
    go_r, go_w = os.pipe()
    mapper = os.fork()
    if mapper == 0:
        os.close(go_w)
        code = 1
        if os.read(go_r, 1) == b"g":
            try:
                target = f"/proc/{os.getppid()}"
                if os.geteuid() != 0:
                    _write(f"{target}/setgroups", "deny")
                _write(f"{target}/uid_map", f"{uid} {outer_uid} 1\n")
                _write(f"{target}/gid_map", f"{gid} {outer_gid} 1\n")
                code = 0
            except OSError:
                code = 2
        os._exit(code)
    os.close(go_r)
    flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP
    try:
        _call(libc.unshare(ctypes.c_int(flags)), "unshare")
    finally:
        os.write(go_w, b"g")
        os.close(go_w)
        _, status = os.waitpid(mapper, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise JailError("cannot write the user namespace's id maps")


def _drop_privileges(uid: int, as_root: bool) -> None:
    """Become ``uid`` with no capability (also after exec) and no way to gain one."""
    cap = 0
    while libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0:
        cap += 1
    if as_root:
        os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = (ctypes.c_uint32 * 6)()
    _call(libc.capset(header, data), "capset")
    _call(libc.prctl(PR_CAP_AMBIENT, 4, 0, 0, 0), "clear ambient capabilities")
    _call(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")


def _close_root(cfg: dict) -> None:
    """Bind the read-only view into the skeleton and make it the root; the old root is detached."""
    root = cfg["root"]
    _mount(None, "/", MS_REC | MS_PRIVATE)
    _mount(root, root, MS_BIND | MS_REC)
    for path in cfg["binds"]:
        _mount(path, root + path, MS_BIND | MS_REC)
        _read_only(root + path)
    for dev in cfg["devices"]:
        _mount(dev, root + dev, MS_BIND)
        _read_only(root + dev, devices=True)
    _write("/proc/sys/user/max_user_namespaces", "0")  # this namespace's limit: no nested user namespace
    _read_only(root)
    number = PIVOT_ROOT.get(platform.machine())
    if number is None:
        raise JailError(f"pivot_root is not known for {platform.machine()}")
    os.chdir(root)
    _call(libc.syscall(ctypes.c_long(number), b".", b"."), "pivot_root")
    _call(libc.umount2(b".", MNT_DETACH), "detach the old root")
    os.chdir("/")


def _limit(cfg: dict) -> None:
    for name, (soft, hard) in cfg["rlimits"].items():
        resource.setrlimit(getattr(resource, f"RLIMIT_{name}"), (soft, hard))


def _fail(message: str) -> None:
    os.write(2, f"ordino-jail: {message}\n".encode(errors="replace"))
    os._exit(SETUP_FAILED)


def main() -> None:
    """Set up the jail and exec the command (see the module docstring)."""
    cfg = json.loads(sys.argv[1])
    cmd = sys.argv[sys.argv.index("--") + 1:]
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != cfg["parent"]:
        _fail("the parent is gone")
    if not cfg["isolate"]:
        _limit(cfg)
        os.execve(cmd[0], cmd, cfg["env"])
    as_root = os.geteuid() == 0
    try:
        _skeleton(cfg)
        _enter(cfg)
    except (OSError, JailError) as exc:
        _fail(str(exc))
    alive_r, alive_w = os.pipe()  # EOF on alive_r once this process is gone
    pid = os.fork()
    if pid == 0:
        try:
            os.close(alive_w)
            _close_root(cfg)
            _drop_privileges(cfg["uid"], as_root)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # after the uid change, which clears it
            if select.select([alive_r], [], [], 0)[0]:
                _fail("the supervisor is gone")
            _limit(cfg)
            os.closerange(3, 1 << 16)
            os.execve(cmd[0], cmd, cfg["env"])
        except Exception as exc:  # any failure here means no jail: report it, never run the command
            _fail(f"{type(exc).__name__}: {exc}")
    for fd in (0, 1, 2):
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    os._exit(code if code >= 0 else 128 - code)


if __name__ == "__main__":
    main()
