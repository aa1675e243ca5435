#!/usr/bin/env python3
"""Mutation testing with hand-written mutations (mutations.txt): each plausible bug is put into a copy of
the sources, the unit tests are rebuilt and run, and a mutation they still pass "survives" (one a
static_assert refuses to compile counts as caught). Prints each
result and the score; exits 1 below the goal (MUTATE_GOAL, 90 %) or when a mutation no longer applies
or no longer compiles, so the list stays true to the code. Usage: run.py SOURCE_DIR WORK_DIR."""
import os
import pathlib
import shutil
import subprocess
import sys


def parse(path):
    mutations, current = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("== "):
            current = {"title": line[3:].strip(), "line": number}
            mutations.append(current)
        elif current is None or not line.strip() or line.startswith("#"):
            continue
        elif line.startswith("- "):
            current["find"] = line[2:]
        elif line.startswith("+ "):
            current["replace"] = line[2:]
        else:
            current["file"] = line.strip()
    for m in mutations:
        if not all(k in m for k in ("file", "find", "replace")):
            sys.exit(f"{path}:{m['line']}: mutation '{m['title']}' needs a file, a '- ' line and a '+ ' line")
    return mutations


def copy_sources(src, dest):
    """Brings the copy up to the checkout's tracked files. A file whose content changed is written anew
    (so its time is now and make rebuilds it); the others keep their times, so a second run rebuilds only
    what changed."""
    listed = subprocess.run(["git", "-C", str(src), "ls-files", "-z"], capture_output=True)
    if listed.returncode != 0:
        sys.exit(f"mutate: {src} is not a git checkout; run it from a clone")
    names = {name for name in listed.stdout.decode().split("\0") if name and (src / name).is_file()}
    if dest.exists():
        for old in dest.rglob("*"):
            if old.is_file() and str(old.relative_to(dest)) not in names:
                old.unlink()
    for name in names:
        data = (src / name).read_bytes()
        target = dest / name
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        shutil.copymode(src / name, target)


def build(build_dir):
    done = subprocess.run(["cmake", "--build", str(build_dir), "--target", "unit_tests", "-j",
                           str(os.cpu_count() or 2)], capture_output=True, text=True)
    return done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def tests_pass(build_dir):
    try:
        done = subprocess.run([str(build_dir / "bin" / "unit_tests"), "--no-intro", "--minimal"],
                              capture_output=True, timeout=300)
    except subprocess.TimeoutExpired:
        return False  # a hang is caught too
    return done.returncode == 0


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, work = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
    goal = float(os.environ.get("MUTATE_GOAL", "90"))
    mutations = parse(src / "tests" / "mutate" / "mutations.txt")
    tree, build_dir = work / "src", work / "build"
    copy_sources(src, tree)
    invalid = []
    for m in mutations:
        text = (tree / m["file"]).read_text(encoding="utf-8") if (tree / m["file"]).is_file() else ""
        if text.count(m["find"]) != 1:
            invalid.append(f"'{m['title']}': its text occurs {text.count(m['find'])} times in {m['file']}")
    if invalid:
        sys.exit("mutate: mutations that no longer apply (update tests/mutate/mutations.txt):\n  " +
                 "\n  ".join(invalid))
    subprocess.run(["cmake", "-S", str(tree), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=RelWithDebInfo"],
                   check=True, capture_output=True)
    ok, log = build(build_dir)
    if not ok or not tests_pass(build_dir):
        sys.exit("mutate: the unmutated unit tests do not build or pass\n" + log)
    killed, survived = 0, []
    for number, m in enumerate(mutations, 1):
        path = tree / m["file"]
        original = path.read_text(encoding="utf-8")
        path.write_text(original.replace(m["find"], m["replace"]), encoding="utf-8")
        try:
            ok, log = build(build_dir)
            if not ok and "static assertion failed" in log:
                killed += 1  # a compile-time check caught it (lunar.cpp checks its table this way)
                verdict = "killed by a static_assert"
            elif not ok:
                invalid.append(f"'{m['title']}' does not compile:\n{log}")
                verdict = "DOES NOT COMPILE"
            elif tests_pass(build_dir):
                survived.append(m["title"])
                verdict = "SURVIVED"
            else:
                killed += 1
                verdict = "killed"
        finally:
            path.write_text(original, encoding="utf-8")
        print(f"[{number}/{len(mutations)}] {verdict:>8}  {m['title']} ({m['file']})", flush=True)
    build(build_dir)
    score = 100.0 * killed / len(mutations)
    print(f"mutation score: {killed} of {len(mutations)} killed ({score:.0f} %); goal {goal:.0f} %")
    for title in survived:
        print(f"  survived: {title}")
    if invalid:
        print("mutate: fix tests/mutate/mutations.txt:\n  " + "\n  ".join(invalid), file=sys.stderr)
        return 1
    return 0 if score >= goal else 1


if __name__ == "__main__":
    sys.exit(main())
