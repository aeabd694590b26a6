#!/usr/bin/env python
"""Official-list import: time and peak memory of checking (and applying) a long list.

    .venv/bin/python bench/imports.py                   # 100,000 rows, csv and xlsx, dry run
    .venv/bin/python bench/imports.py --apply 10000     # also apply a 10,000-row list

Each measured run is a fresh process (``manage.py import_qualifications``) on a fresh,
migrated SQLite database, and its peak resident memory is the kernel's figure for that
process. The alternatives printed beside it are the simplest ways to read the same file:
a bare read of every row in openpyxl's streaming mode or with the csv module (the lower
bound: no checking, no database), and reading the whole file into memory first (openpyxl's
default mode, a list of the csv rows), which is what a naive import does. Nothing is
asserted; bench/README.md keeps the figures.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
PROVINCES = ["江苏省", "浙江省", "广东省", "上海市", "北京市", "山东省", "湖北省", "四川省"]
HEADER = ["企业名称", "统一社会信用代码", "省份", "资质等级", "批次", "年度", "有效期至"]


def credit_code(number: int) -> str:
    body = ""
    for _ in range(9):
        body = ALPHABET[number % 31] + body
        number //= 31
    first17 = "91" + "330100" + body
    check = 31 - sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True)) % 31
    return first17 + ALPHABET[check % 31]


def rows(count: int):
    for number in range(count):
        level = "小巨人" if number % 3 == 0 else "专精特新"
        yield [
            f"基准示例科技有限公司{number:06d}",
            credit_code(1_000_000 + number),
            PROVINCES[number % len(PROVINCES)],
            level,
            f"第{number % 6 + 1}批",
            2019 + number % 6,
            f"{2026 + number % 4}-12-31",
        ]


def write_files(directory: Path, count: int) -> dict[str, Path]:
    from openpyxl import Workbook

    csv_path = directory / f"list-{count}.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        writer.writerows(rows(count))
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for row in rows(count):
        sheet.append(row)
    xlsx_path = directory / f"list-{count}.xlsx"
    book.save(xlsx_path)
    return {"csv": csv_path, "xlsx": xlsx_path}


def measure(arguments: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a process; return (seconds, peak resident MB) of that process alone. Its first
    line of output (the import's summary) is printed, so a wrong list cannot pass unseen."""
    started = time.perf_counter()
    process = subprocess.Popen(arguments, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    if output.startswith("Import #"):
        print("        " + output.splitlines()[0])
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(arguments)}")
    return seconds, usage.ru_maxrss / 1024


BARE = {
    "csv": "import csv,sys\nfor _ in csv.reader(open(sys.argv[1], encoding='utf-8')): pass",
    "xlsx": (
        "import sys\nfrom openpyxl import load_workbook\n"
        "b = load_workbook(sys.argv[1], read_only=True)\n"
        "for _ in b.worksheets[0].iter_rows(values_only=True): pass"
    ),
}
WHOLE = {
    "csv": "import csv,sys\nrows = list(csv.reader(open(sys.argv[1], encoding='utf-8')))",
    "xlsx": (
        "import sys\nfrom openpyxl import load_workbook\n"
        "b = load_workbook(sys.argv[1])\nrows = list(b.worksheets[0].iter_rows(values_only=True))"
    ),
}


def fresh_env() -> dict[str, str]:
    env = {**os.environ, "VAR_DIR": tempfile.mkdtemp(prefix="zjtx-bench-import-")}
    for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    env["SEARCH_INDEX_ON_COMMIT"] = "0"
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run(
        [*manage, "shell", "-c",
         "from accounts.models import User; "
         "User.objects.create_superuser('bench', 'bench@example.cn', 'x', name='bench')"],
        env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--apply", type=int, default=0, help="also apply a list of N rows")
    options = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="zjtx-bench-lists-"))
    files = write_files(directory, options.rows)
    print(f"== checking a {options.rows:,}-row list (dry run), one fresh process each")
    print(f"{'':8}{'import (dry run)':>26}{'bare streaming read':>26}{'whole file in memory':>26}")
    for kind, path in files.items():
        env = fresh_env()
        ours = measure([PYTHON, "manage.py", "import_qualifications", str(path), "--quiet"], env)
        bare = measure([PYTHON, "-c", BARE[kind], str(path)], env)
        whole = measure([PYTHON, "-c", WHOLE[kind], str(path)], env)
        cells = [f"{s:7.1f} s {mb:6.0f} MB" for s, mb in (ours, bare, whole)]
        print(f"{kind:8}" + "".join(f"{cell:>26}" for cell in cells))
        print(f"{'':8}{options.rows / ours[0]:>18,.0f} rows/s")
    idle = measure([PYTHON, "manage.py", "check"], fresh_env())
    print(f"(an idle manage.py process: {idle[1]:.0f} MB)")
    if options.apply:
        applied = write_files(directory, options.apply)["csv"]
        env = fresh_env()
        arguments = [PYTHON, "manage.py", "import_qualifications", str(applied), "--apply"]
        seconds, mb = measure([*arguments, "--quiet"], env)
        print(f"== applying a {options.apply:,}-row csv list (every firm new)")
        print(f"check + apply {seconds:7.1f} s {mb:6.0f} MB  {options.apply / seconds:,.0f} rows/s")


if __name__ == "__main__":
    main()
