"""Inputs that cannot become an article: a typed InputError from the library, one clear line and a
non-zero exit from the CLI (never a traceback), and nothing else for random text, HTML-ish strings or bytes."""
from __future__ import annotations

import codecs
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

import newsgraph
from newsgraph import errors
from newsgraph.cli import main

FRENCH = ("Le gouvernement français a annoncé mardi de nouvelles sanctions contre plusieurs entreprises accusées "
          "d'avoir contourné l'embargo, selon un communiqué publié à Paris. Le ministre des Affaires étrangères a "
          "déclaré que ces mesures entreraient en vigueur dès la semaine prochaine.")
GERMAN = ("Die Bundesregierung hat am Dienstag neue Hilfen für die vom Hochwasser betroffenen Gemeinden in Bayern "
          "beschlossen, wie ein Sprecher in Berlin mitteilte. Die Mittel sollen noch vor dem Sommer ausgezahlt werden, "
          "sagte der Sprecher nach der Sitzung des Kabinetts.")
TRUNCATED = "<!DOCTYPE html><html><head><title>Troops cross</title></head><body><article><h1>Troops</h1><p>Troops crossed the"

CASES = {
    "empty": (b"", errors.EmptyInput),
    "whitespace": (b"  \n\t \r\n ", errors.EmptyInput),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" * 10, errors.BinaryInput),
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, errors.BinaryInput),
    "zip": (b"PK\x03\x04" + b"\x14\x00" * 200, errors.BinaryInput),
    "nul-bytes": (b"hello\x00world\x00\x01\x02" * 50, errors.BinaryInput),
    "bad-bom": (codecs.BOM_UTF8 + b"The minister \xff\xfe said on Tuesday", errors.EncodingError),
    "undecodable": (bytes(range(128, 256)) * 20, errors.EncodingError),
    "truncated-html": (TRUNCATED.encode(), errors.NoArticleText),
    "french": (f"Nouvelles sanctions contre des entreprises\n\n{FRENCH}".encode(), errors.UnsupportedLanguage),
    "german-html": (f"<html><body><article><h1>Hochwasser</h1><p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>"
                    .encode(), errors.UnsupportedLanguage),
}


@pytest.mark.parametrize("name", CASES)
def test_library_raises_typed_error(name):
    content, error = CASES[name]
    with pytest.raises(error) as info:
        newsgraph.extract(content)
    assert info.value.message and info.type.code != "bad-input"


def test_fifty_megabyte_input_is_refused_quickly():
    import time

    content = b"<p>" + b"word " * (10 * 1024 * 1024) + b"</p>"
    started = time.perf_counter()
    with pytest.raises(errors.TooLarge):
        newsgraph.extract(content)
    with pytest.raises(errors.TooLarge):
        newsgraph.extract(content.decode("ascii"))
    assert time.perf_counter() - started < 1.0


def test_language_message_names_the_language():
    with pytest.raises(errors.UnsupportedLanguage, match="English news; this page looks like French"):
        newsgraph.extract(f"Nouvelles sanctions\n\n{FRENCH}")


def _cli(args: list[str], monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["newsgraph", *args])
    with pytest.raises(SystemExit) as info:
        main()
    out = capsys.readouterr()
    return info.value.code, out.out + out.err


@pytest.mark.parametrize("name", CASES)
def test_cli_prints_one_line(name, tmp_path, monkeypatch, capsys):
    content, error = CASES[name]
    path = tmp_path / f"{name}.input"
    path.write_bytes(content)
    code, output = _cli(["extract", str(path)], monkeypatch, capsys)
    assert code == error.exit_code != 0
    assert "Traceback" not in output
    lines = [ln for ln in output.splitlines() if ln.strip()]
    assert len(lines) == 1 and f"({error.code})" in lines[0], output


def test_cli_fifty_megabyte_file(tmp_path, monkeypatch, capsys):
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: cheap to create
    code, output = _cli(["extract", str(path)], monkeypatch, capsys)
    assert code == errors.TooLarge.exit_code and "(too-large)" in output and "Traceback" not in output


@pytest.mark.parametrize("args, code_name", [
    (["extract", "http://127.0.0.1:9/"], "fetch-failed"),
    (["extract", "/nonexistent/page.html"], "bad-input"),
])
def test_cli_unreachable_url_and_missing_file(args, code_name, monkeypatch, capsys):
    code, output = _cli(args, monkeypatch, capsys)
    assert code == 2 and f"({code_name})" in output and "Traceback" not in output
    assert len([ln for ln in output.splitlines() if ln.strip()]) == 1


def test_python_dash_m_on_each_kind_of_bad_input(tmp_path):
    """One case of each error through ``python -m newsgraph extract`` in its own process (started together;
    every case also runs through the CLI in-process above): non-zero exit, one line on stderr naming the error
    code, no traceback."""
    targets = []
    for name in ("whitespace", "pdf", "bad-bom", "truncated-html", "french"):
        content, error = CASES[name]
        path = tmp_path / f"{name}.input"
        path.write_bytes(content)
        targets.append((str(path), error.code, error.exit_code))
    huge = tmp_path / "huge.html"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    targets += [(str(huge), errors.TooLarge.code, 2), ("http://127.0.0.1:9/", errors.FetchError.code, 2)]
    procs = [(target, code, exit_code, subprocess.Popen([sys.executable, "-m", "newsgraph", "extract", target],
                                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
             for target, code, exit_code in targets]
    for target, code, exit_code, proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == exit_code != 0, (target, err)
        assert "Traceback" not in out + err and f"({code})" in err, (target, err)
        assert len(err.strip().splitlines()) == 1, (target, err)


WORDS = ("the minister said on Tuesday that troops had crossed the border near the city after talks failed "
         "officials in Moscow and Kyiv reported shelling overnight while the United Nations called for calm").split()
english = st.lists(st.sampled_from(WORDS), min_size=0, max_size=60).map(" ".join)
tags = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "<head><title>", "</title></head>",
                        "<script>", "</script>", "<!--", "-->", "<br/>", "<meta charset='utf-8'>", "&amp;",
                        "<a href='x'>", "</a>", "<h1>", "</h1>", "<article>", "\n\n", "<style>p{}</style>"])
htmlish = st.lists(st.one_of(tags, english, st.text(max_size=20)), max_size=40).map("".join)
text_input = st.one_of(st.text(max_size=400), english, st.lists(english, max_size=6).map("\n\n".join))
byte_input = st.one_of(st.binary(max_size=400), htmlish.map(lambda s: s.encode("utf-8", "surrogatepass")),
                       text_input.map(lambda s: s.encode("utf-16", "surrogatepass")))


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(content=st.one_of(text_input, htmlish, byte_input))
def test_random_input_raises_only_input_errors(content, validate_record, pipeline):
    try:
        record = newsgraph.extract(content, settings=pipeline.settings)
    except errors.InputError:
        return
    validate_record(record)
