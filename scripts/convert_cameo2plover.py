"""Convert the CAMEO->PLOVER table (CAMEO2PLOVER-2021.txt, Philip Schrodt, PLOVER draft 0.8,
CC BY-SA 4.0, openeventdata/PLOVER) into src/newsgraph/lexicons/cameo_plover.json.

Usage: python scripts/convert_cameo2plover.py [TABLE] [OUT]
Each line "CODE: EVENT, mode, context # label" becomes codes[CODE] = {event, mode, context, label}.
Two-digit headers ("03: AGREE") are kept as the root code of the block.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = Path("/work/shared/reference/CAMEO2PLOVER-2021.txt")
OUT = ROOT / "src" / "newsgraph" / "lexicons" / "cameo_plover.json"
LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$")


def convert(text: str) -> dict:
    codes: dict[str, dict] = {}
    for raw in text.splitlines():
        m = LINE.match(raw.strip())
        if not m:
            continue
        code, event, mode, context, label = m.groups()
        mode = (mode or "").strip() or None
        contexts = [c.strip() for c in (context or "").split(";") if c.strip()]
        entry = {"event": event, "mode": mode, "context": contexts, "label": (label or "").strip()}
        if len(code) == 2 and code in codes:  # "08: CONCEDE" then "08: RETREAT": keep the first
            continue
        codes.setdefault(code, entry)
    return codes


def main() -> None:
    table = Path(sys.argv[1]) if len(sys.argv) > 1 else TABLE
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    data = {
        "_source": ("Converted by scripts/convert_cameo2plover.py from CAMEO2PLOVER-2021.txt (CAMEO to PLOVER "
                    "conversion table, PLOVER manual draft 0.8, 17-Sep-2021, edited by Philip Schrodt; "
                    "openeventdata/PLOVER, CC BY-SA 4.0). This file is a derived work under the same licence."),
        "_license": "CC BY-SA 4.0",
        "codes": convert(table.read_text(encoding="utf-8")),
    }
    out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(data['codes'])} codes to {out}")


if __name__ == "__main__":
    main()
