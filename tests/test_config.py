"""factcheck.toml and [tool.factcheck]: discovery, validation, precedence, printing."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config, check_options, find_config, load_config, parse_config, to_toml
from factcheck.errors import ConfigError

FULL = """\
sources = ["transcripts/council.txt", "https://example.org/briefing"]
follow-links = false
library = "library"
cache = ".factcheck/cache.sqlite"
fail-on = "warning"
format = "sarif"
allowed-hosts = ["Example.org."]

[severity]
unverifiable = "info"
not_found = "error"

[fetch]
timeout = 5
max-bytes = 1000
offline = true
allow_private = true
wayback = true

[[ignore]]
text = "we will build the bridge"
reason = "confirmed by phone"
path = "drafts/*.md"

[[ignore]]
text = "the river is clean"
speaker = "Hopper"
"""


def test_full_file_is_read_with_paths_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(FULL, encoding="utf-8")
    config = load_config(start=tmp_path)
    assert config.path == tmp_path / "factcheck.toml"
    assert config.sources == [
        str(tmp_path / "transcripts/council.txt"),
        "https://example.org/briefing",
    ]
    assert config.follow_links is False
    assert config.library == str(tmp_path / "library")
    assert config.cache == str(tmp_path / ".factcheck/cache.sqlite")
    assert (config.fail_on, config.format) == ("warning", "sarif")
    assert config.allowed_hosts == ["example.org"]
    assert config.severity == {"unverifiable": "info", "not_found": "error"}
    assert (config.fetch.timeout, config.fetch.max_bytes) == (5.0, 1000)
    assert config.fetch.offline and config.fetch.allow_private and config.fetch.wayback
    assert [r.text for r in config.ignore] == ["we will build the bridge", "the river is clean"]
    assert config.ignore[0].path == "drafts/*.md" and config.ignore[1].speaker == "Hopper"


def test_found_from_a_subfolder_and_factcheck_toml_beats_pyproject(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "never"\n', "utf-8")
    assert find_config(deep) == tmp_path / "pyproject.toml"
    assert load_config(start=deep).fail_on == "never"
    (tmp_path / "factcheck.toml").write_text('fail-on = "warning"\n', "utf-8")
    assert load_config(start=deep).fail_on == "warning"
    # A nearer pyproject.toml without [tool.factcheck] is passed over.
    (deep / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", "utf-8")
    assert find_config(deep) == tmp_path / "factcheck.toml"


def test_no_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(start=tmp_path)
    assert config.path is None or not str(config.path).startswith(str(tmp_path))
    assert parse_config({}) == Config()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fial-on = "error"', "unknown key 'fial-on' (did you mean 'fail-on'?)"),
        ("[fetch]\ntimout = 3", "unknown key 'fetch.timout' (did you mean 'fetch.timeout'?)"),
        ('[severity]\naltred = "info"', "unknown key 'severity.altered'"),
        ('[[ignore]]\ntext = "x"\nwhy = "y"', "unknown key 'ignore.why'"),
        ('fail-on = "sometimes"', "'fail-on' must be one of error, warning, never"),
        ('[severity]\naltered = "fatal"', "'severity.altered' must be one of error, warning"),
        ("[fetch]\ntimeout = -1", "'fetch.timeout' must be a positive number of seconds"),
        # TOML allows nan and inf; either made every web source fail with a socket error.
        ("[fetch]\ntimeout = nan", "'fetch.timeout' must be a positive number of seconds"),
        ("[fetch]\ntimeout = inf", "'fetch.timeout' must be a positive number of seconds"),
        ("[fetch]\noffline = 1", "'fetch.offline' must be true or false"),
        ("sources = [1, 2]", "'sources' must be a list of strings"),
        ("[[ignore]]\nreason = 'r'", "'ignore' item 1 needs a 'text'"),
        ("fail-on = ", "invalid TOML"),
    ],
)
def test_bad_files_are_one_line_errors_naming_the_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "factcheck.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "\n" not in str(caught.value)
    if message.startswith("unknown key 'severity.altered'"):
        assert "unknown key 'severity.altred' (did you mean 'severity.altered'?)" in str(
            caught.value
        )
    else:
        assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_pyproject_errors_name_the_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.factcheck]\ncolour = true\n", encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"pyproject.toml \[tool.factcheck\]: unknown key 'colour'"
    ):
        load_config(start=tmp_path)


def test_printed_config_reads_back_the_same(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(FULL, encoding="utf-8")
    config = load_config(start=tmp_path)
    printed = tmp_path / "printed" / "factcheck.toml"
    printed.parent.mkdir()
    printed.write_text(to_toml(config), encoding="utf-8")
    again = load_config(printed)
    assert again.to_dict() == config.to_dict()


def test_config_maps_onto_check_options(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(FULL, encoding="utf-8")
    options = check_options(load_config(start=tmp_path))
    assert options.sources[1] == "https://example.org/briefing"
    assert options.follow_links is False
    assert options.library == str(tmp_path / "library")
    assert options.severity == {"unverifiable": "info", "not_found": "error"}
    fetch = options.fetch
    assert (fetch.offline, fetch.allow_private, fetch.wayback) == (True, True, True)
    assert (fetch.timeout, fetch.max_bytes) == (5.0, 1000)
    assert fetch.cache_path == str(tmp_path / ".factcheck/cache.sqlite")


def test_config_command_prints_effective_config_and_fails_on_unknown_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert main(["config"]) is None  # success returns; failures exit
    out = capsys.readouterr().out
    assert 'fail-on = "warning"' in out and "[fetch]" in out
    (tmp_path / "factcheck.toml").write_text("fail-on = 'warning'\nbogus = 1\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["config"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("factcheck: error: ")


def test_config_lookup_stops_at_the_repository_root(tmp_path) -> None:
    from factcheck.config import find_config

    (tmp_path / "factcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    repo = tmp_path / "work" / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "drafts").mkdir()
    assert find_config(repo / "drafts") is None
    (repo / "factcheck.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert find_config(repo / "drafts") == (repo / "factcheck.toml").resolve()
    # Outside any repository the search goes on upward.
    assert find_config(tmp_path / "work") == (tmp_path / "factcheck.toml").resolve()
