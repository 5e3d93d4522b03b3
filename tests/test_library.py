"""The local library: indexing, persistence, search and the CLI (files written for tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import ConfigError, InputError
from factcheck.library import Library, default_library_path
from factcheck.sources import read_source_file

FIXTURES = Path(__file__).parent / "fixtures"
PRESSER = FIXTURES / "presser.txt"

HEARING = """<html><body><p>Hearing on bridges.</p>
<p><b>Senator Ada Quist:</b> The bridge on Route 9 has not been inspected since 2019.</p>
<p>We need answers today.</p>
<p><b>Director Paul Ng:</b> We will inspect every bridge in the county by June.</p>
</body></html>"""


@pytest.fixture
def hearing(tmp_path: Path) -> Path:
    path = tmp_path / "hearing.html"
    path.write_text(HEARING, encoding="utf-8")
    return path


def test_add_search_and_judge_with_real_offsets(tmp_path: Path, hearing: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as lib:
        lib.add_spec(str(PRESSER))
        lib.add_spec(str(hearing))
        assert len(lib) == 2
        verdict = lib.judge_quote("We will inspect every bridge in the county", "Paul Ng")
        assert verdict.label == "verified"
        evidence = verdict.evidence[0]
        whole = read_source_file(hearing)
        assert whole.text[evidence.span.start : evidence.span.end] == evidence.text
        assert evidence.location == whole.location(evidence.span)
        wrong = lib.judge_quote("We will inspect every bridge in the county", "Ada Quist")
        assert wrong.label == "misattributed" and "Paul Ng" in wrong.reason


def test_offsets_in_a_long_plain_text_source(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as lib:
        lib.add_spec(str(PRESSER))
        verdict = lib.judge_quote("Our job is to bring inflation back to 2 percent", "Lindqvist")
        text = PRESSER.read_text(encoding="utf-8")
        assert verdict.label == "verified"
        span = verdict.evidence[0].span
        assert text[span.start : span.end] == "Our job is to bring inflation back to 2 percent"
        assert verdict.evidence[0].location is not None
        assert verdict.evidence[0].location.line == text[: span.start].count("\n") + 1


def test_index_persists_and_re_adding_replaces(tmp_path: Path, hearing: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library(path) as lib:
        lib.add_spec(str(hearing))
    with Library(path, create=False) as lib:
        assert [e.spec for e in lib.entries()] == [str(hearing.resolve())]
        lib.add_spec(str(hearing))
        assert len(lib) == 1
        # Five shared words are always found (winnowed trigrams guarantee it).
        assert lib.search("has not been inspected since")


def test_unknown_words_find_nothing(tmp_path: Path, hearing: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as lib:
        lib.add_spec(str(hearing))
        assert lib.search("zebras juggle quietly at dawn") == []
        assert lib.judge_quote("zebras juggle quietly at dawn", None).label == "not_found"


def test_bad_inputs_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no library"):
        Library(tmp_path / "missing.sqlite", create=False)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ConfigError, match="not a usable library"):
        Library(junk)
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    with Library(tmp_path / "lib.sqlite") as lib, pytest.raises(InputError, match="binary"):
        lib.add_spec(str(binary))


def test_environment_variable_sets_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_LIBRARY", str(tmp_path / "env.sqlite"))
    assert default_library_path() == tmp_path / "env.sqlite"


def test_cli_add_list_remove(tmp_path: Path, hearing: Path) -> None:
    runner = CliRunner()
    lib = str(tmp_path / "cli.sqlite")
    added = runner.invoke(cli, ["library", "add", str(hearing), "--library", lib])
    assert added.exit_code == 0, added.output
    assert "2 turns" in added.output and "2 speakers" in added.output
    listed = runner.invoke(cli, ["library", "list", "--library", lib, "--format", "json"])
    assert listed.exit_code == 0
    [entry] = json.loads(listed.output)
    assert entry["speakers"] == ["Ada Quist", "Paul Ng"]
    removed = runner.invoke(cli, ["library", "remove", str(hearing), "--library", lib])
    assert removed.exit_code == 0
    empty = runner.invoke(cli, ["library", "list", "--library", lib])
    assert "empty" in empty.output


def test_cli_missing_file_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(
            ["library", "add", str(tmp_path / "nope.txt"), "--library", str(tmp_path / "l.sqlite")]
        )
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("factcheck: error: ") and "Traceback" not in err
    assert err.strip().endswith("nope.txt: no such file") and len(err.splitlines()) == 1


def test_a_claim_without_link_is_judged_against_the_library(tmp_path: Path, hearing: Path) -> None:
    from factcheck.library import judge_with_library, open_library
    from factcheck.model import Claim, Span, Speaker

    with pytest.raises(ConfigError):
        open_library(tmp_path / "absent.sqlite")
    with Library(tmp_path / "lib.sqlite") as lib:
        lib.add_spec(str(hearing))
    text = "Ng promised to inspect every bridge in the county by June."
    claim = Claim(
        id="C1",
        kind="partial_quote",
        text=text,
        content_spans=[Span(0, len(text))],
        sentence=Span(0, len(text)),
        speaker=Speaker("Ng", "Paul Ng", None),
        cue=None,
        quoted_text="inspect every bridge in the county by June",
    )
    library = open_library(tmp_path / "lib.sqlite")
    assert library is not None
    with library:
        verdict, cited = judge_with_library(claim, [], library)
    assert verdict.label == "verified"
    assert [s.path for s in cited] == [str(hearing)]
    assert verdict.evidence[0].source_id == cited[0].id


def test_a_library_from_another_version_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Library(path) as lib:
        lib.db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        lib.db.commit()
    with pytest.raises(ConfigError, match="another version"):
        Library(path)


def test_cli_search_prints_the_verdict_and_where(tmp_path: Path, hearing: Path) -> None:
    runner = CliRunner()
    lib = str(tmp_path / "cli.sqlite")
    assert runner.invoke(cli, ["library", "add", str(hearing), "--library", lib]).exit_code == 0
    quote = "We will inspect every bridge in the county by June"
    result = runner.invoke(
        cli, ["library", "search", quote, "--speaker", "Ada Quist", "--library", lib]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("misattributed")
    assert f"{hearing.resolve()}:" in result.output and "[Paul Ng]" in result.output
