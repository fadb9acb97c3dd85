"""Same numbers, same messages: a digest of what perfscore makes of many files.

For every file, in Chinese and in English: the JSON export of its analysis (every score,
rate, check, explain line and warning), its summary row and its audit row, or, for a file
that cannot be scored, every message. Prints one digest per file and language and a total;
run it under the code before and after a change (PYTHONPATH=...) and compare:

    PYTHONPATH=/tmp/old/src python bench/same.py FILES... > before.txt
    python bench/same.py FILES... > after.txt && cmp before.txt after.txt

Folders are searched for *.yaml as ``perfscore summary`` searches them.
"""

from __future__ import annotations

import hashlib
import sys

from perfscore.analysis import analyse
from perfscore.audit import audit
from perfscore.batch import expand_paths, score_file
from perfscore.errors import PerfscoreError
from perfscore.messages import set_language
from perfscore.render.json_export import analysis_to_dict, dumps
from perfscore.summary import summarise


def outcome(file: str) -> str:
    """Everything the commands would say of ``file``, as one text."""
    try:
        export = dumps(analysis_to_dict(analyse(score_file(file))))
    except PerfscoreError as error:
        return "\n".join(str(problem) for problem in error.problems)
    return f"{export}\n{summarise(file)!r}\n{audit(file)!r}"


def main(paths: list[str]) -> None:
    total = hashlib.sha256()
    files = expand_paths(paths)
    for lang in ("zh", "en"):
        set_language(lang)
        for file in files:
            digest = hashlib.sha256(outcome(file).encode("utf-8", "surrogatepass")).hexdigest()
            total.update(digest.encode())
            print(f"{digest[:16]} {lang} {file}")
    print(f"total {total.hexdigest()} over {len(files)} files × 2 languages")


if __name__ == "__main__":
    main(sys.argv[1:])
