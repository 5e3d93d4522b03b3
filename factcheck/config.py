"""Configuration: ``factcheck.toml``, or ``[tool.factcheck]`` in ``pyproject.toml``.

The file is looked for in the current folder and then each parent; in one folder
``factcheck.toml`` wins over ``pyproject.toml``, and a ``pyproject.toml`` without a
``[tool.factcheck]`` table is passed over. Relative paths in the file are relative to the file's
folder. Keys may be written ``snake_case`` or ``kebab-case``. A key we don't know is an error
that names it, because a misspelt ``fail-on`` silently ignored is worse than no config.

Example ``factcheck.toml``::

    sources = ["transcripts/", "https://example.org/briefing"]
    follow-links = true
    library = "library.sqlite"
    cache = ".factcheck/cache.sqlite"
    fail-on = "warning"
    format = "terminal"
    allowed-hosts = ["example.org"]

    [severity]
    unverifiable = "info"

    [fetch]
    timeout = 10
    offline = false

    [[ignore]]
    text = "we will build the bridge"
    reason = "confirmed by phone"
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field, fields
from math import inf
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from factcheck.errors import ConfigError
from factcheck.model import LABELS, Severity
from factcheck.sources import SourceOptions
from factcheck.suppressions import IgnoreRule

if TYPE_CHECKING:
    from factcheck.pipeline import CheckOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAME = "factcheck.toml"
FAIL_LEVELS = ("error", "warning", "never")
FORMATS = ("terminal", "json", "jsonl", "markdown", "html", "sarif", "github", "junit")
SEVERITIES: tuple[str, ...] = get_args(Severity)


@dataclass
class FetchConfig:
    """How sources are fetched (maps onto ``factcheck.sources.SourceOptions``)."""

    offline: bool = False
    allow_private: bool = False
    timeout: float = SourceOptions.timeout
    max_bytes: int = SourceOptions.max_bytes
    wayback: bool = False


@dataclass
class Config:
    """The effective configuration: defaults, then the file, then the command line."""

    path: Path | None = None
    sources: list[str] = field(default_factory=list)
    follow_links: bool = True
    library: str | None = None
    cache: str | None = None
    fail_on: str = "error"
    format: str = "terminal"
    severity: dict[str, Severity] = field(default_factory=dict)
    ignore: list[IgnoreRule] = field(default_factory=list)
    allowed_hosts: list[str] = field(default_factory=list)
    fetch: FetchConfig = field(default_factory=FetchConfig)

    def to_dict(self) -> dict[str, Any]:
        """The configuration as plain data (what ``factcheck config`` prints)."""
        return {
            "sources": list(self.sources),
            "follow_links": self.follow_links,
            "library": self.library,
            "cache": self.cache,
            "fail_on": self.fail_on,
            "format": self.format,
            "allowed_hosts": list(self.allowed_hosts),
            "severity": dict(self.severity),
            "fetch": {f.name: getattr(self.fetch, f.name) for f in fields(self.fetch)},
            "ignore": [
                {k: v for k, v in vars(rule).items() if v is not None} for rule in self.ignore
            ],
        }


TOP_KEYS = {f.name for f in fields(Config)} - {"path"}
FETCH_KEYS = {f.name for f in fields(FetchConfig)}
IGNORE_KEYS = {"text", "path", "speaker", "reason"}


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest ``factcheck.toml`` or ``pyproject.toml`` with ``[tool.factcheck]``, looking
    in ``start`` (default: the current folder) and then each parent up to the root of the git
    repository, so a stray file above a checkout never configures it.

    Passing: ``repo/factcheck.toml`` for a run in ``repo/drafts/``. Failing: ``~/factcheck.toml``
    for a run inside ``~/work/repo`` (``repo`` has ``.git``): not used.
    """
    here = Path(start) if start is not None else Path.cwd()
    here = here.resolve()
    for folder in [here, *here.parents]:
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "factcheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
        if (folder / ".git").exists():
            break
    return None


def load_config(path: str | Path | None = None, *, start: str | Path | None = None) -> Config:
    """Read ``path`` (or the file ``find_config`` finds) into a validated ``Config``; no file
    gives the defaults."""
    if path is None:
        found = find_config(start)
        if found is None:
            return Config()
        path = found
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {})
        where = f"{path} [tool.factcheck]"
    else:
        where = str(path)
    config = parse_config(data, where=where, base=path.parent)
    config.path = path
    return config


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _key(name: str) -> str:
    return name.replace("-", "_")


def _unknown(where: str, key: str, known: set[str], prefix: str = "") -> ConfigError:
    close = difflib.get_close_matches(_key(key), sorted(known), n=1)
    # Suggest in the spelling the user writes: kebab-case if the unknown key has a dash.
    suggestion = close[0].replace("_", "-") if close and "-" in key else close[0] if close else ""
    hint = f" (did you mean {prefix + suggestion!r}?)" if close else ""
    return ConfigError(f"{where}: unknown key {prefix + key!r}{hint}")


def parse_config(
    data: dict[str, Any], *, where: str = "config", base: Path | None = None
) -> Config:
    """Validate a parsed TOML table into a ``Config``.

    >>> parse_config({"fail-on": "warning"}).fail_on
    'warning'
    >>> parse_config({"fial-on": "warning"}, where="factcheck.toml")
    Traceback (most recent call last):
    ...
    factcheck.errors.ConfigError: factcheck.toml: unknown key 'fial-on' (did you mean 'fail-on'?)
    """
    config = Config()
    for raw_key, value in data.items():
        key = _key(raw_key)
        if key not in TOP_KEYS:
            raise _unknown(where, raw_key, TOP_KEYS)
        name = f"{where}: {raw_key!r}"
        if key == "sources":
            config.sources = [_path_or_url(s, base) for s in _str_list(value, name)]
        elif key == "follow_links":
            config.follow_links = _bool(value, name)
        elif key in ("library", "cache"):
            setattr(config, key, _path(_str(value, name), base))
        elif key == "fail_on":
            config.fail_on = _choice(value, FAIL_LEVELS, name)
        elif key == "format":
            config.format = _choice(value, FORMATS, name)
        elif key == "allowed_hosts":
            config.allowed_hosts = [h.lower().strip(".") for h in _str_list(value, name)]
        elif key == "severity":
            config.severity = _severity(value, where)
        elif key == "fetch":
            config.fetch = _fetch(value, where)
        elif key == "ignore":
            config.ignore = _ignore(value, where)
    return config


def _str(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{name} must be a non-empty string")
    return value


def _bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{name} must be true or false")
    return value


def _str_list(value: Any, name: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{name} must be a list of strings")
    return list(value)


def _choice(value: Any, choices: tuple[str, ...], name: str) -> str:
    if value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)} (got {value!r})")
    return str(value)


def _path(value: str, base: Path | None) -> str:
    path = Path(value).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    return str(path)


def _path_or_url(value: str, base: Path | None) -> str:
    return value if "://" in value else _path(value, base)


def _severity(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of label = severity")
    result: dict[str, Severity] = {}
    for raw_label, level in value.items():
        label = _key(raw_label)
        if label not in LABELS:
            raise _unknown(where, raw_label, set(LABELS), prefix="severity.")
        result[label] = _choice(level, SEVERITIES, f"{where}: 'severity.{raw_label}'")  # type: ignore[assignment]
    return result


def _fetch(value: Any, where: str) -> FetchConfig:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'fetch' must be a table")
    fetch = FetchConfig()
    for raw_key, item in value.items():
        key = _key(raw_key)
        name = f"{where}: 'fetch.{raw_key}'"
        if key not in FETCH_KEYS:
            raise _unknown(where, raw_key, FETCH_KEYS, prefix="fetch.")
        if key in ("offline", "allow_private", "wayback"):
            setattr(fetch, key, _bool(item, name))
        elif key == "timeout":
            # "not 0 < item < inf" also refuses TOML's nan and inf, which no socket accepts.
            if isinstance(item, bool) or not isinstance(item, (int, float)) or not 0 < item < inf:
                raise ConfigError(f"{name} must be a positive number of seconds")
            fetch.timeout = float(item)
        elif key == "max_bytes":
            if isinstance(item, bool) or not isinstance(item, int) or item <= 0:
                raise ConfigError(f"{name} must be a positive whole number of bytes")
            fetch.max_bytes = item
    return fetch


def _ignore(value: Any, where: str) -> list[IgnoreRule]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: 'ignore' must be a list of strings or tables")
    rules: list[IgnoreRule] = []
    for n, item in enumerate(value, start=1):
        name = f"{where}: 'ignore' item {n}"
        if isinstance(item, str):
            rules.append(IgnoreRule(_str(item, name)))
            continue
        if not isinstance(item, dict):
            raise ConfigError(f"{name} must be a string or a table with 'text'")
        for raw_key in item:
            if raw_key not in IGNORE_KEYS:
                raise _unknown(where, raw_key, IGNORE_KEYS, prefix="ignore.")
        if "text" not in item:
            raise ConfigError(f"{name} needs a 'text'")
        rules.append(
            IgnoreRule(
                text=_str(item["text"], f"{name} text"),
                path=_str(item["path"], f"{name} path") if "path" in item else None,
                speaker=_str(item["speaker"], f"{name} speaker") if "speaker" in item else None,
                reason=_str(item["reason"], f"{name} reason") if "reason" in item else None,
            )
        )
    return rules


def to_toml(config: Config) -> str:
    """The effective configuration as TOML that ``load_config`` reads back."""
    data = config.to_dict()
    lines: list[str] = []
    if config.path is not None:
        lines.append(f"# from {config.path}")
    else:
        lines.append("# no configuration file found: defaults")
    tables = {}
    for key, value in data.items():
        if key in ("severity", "fetch"):
            tables[key] = value
        elif key == "ignore":
            continue
        elif value is not None:
            lines.append(f"{key.replace('_', '-')} = {_toml_value(value)}")
    for table, values in tables.items():
        lines += ["", f"[{table}]"]
        lines += [f"{k.replace('_', '-')} = {_toml_value(v)}" for k, v in values.items()]
    for rule in data["ignore"]:
        lines += ["", "[[ignore]]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in rule.items()]
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    # A JSON string is a valid TOML basic string (same escapes), non-ASCII kept.
    return json.dumps(str(value), ensure_ascii=False)


def check_options(config: Config) -> CheckOptions:
    """The ``factcheck.pipeline.CheckOptions`` a configuration asks for (a folder among the
    sources means the source files in it)."""
    from factcheck.pipeline import CheckOptions
    from factcheck.sources import expand_source_specs

    fetch = SourceOptions(
        offline=config.fetch.offline,
        allow_private=config.fetch.allow_private,
        cache_path=config.cache,
        wayback=config.fetch.wayback,
        timeout=config.fetch.timeout,
        max_bytes=config.fetch.max_bytes,
        allowed_hosts=list(config.allowed_hosts),
    )
    return CheckOptions(
        sources=expand_source_specs(config.sources),
        follow_links=config.follow_links,
        fetch=fetch,
        library=config.library,
        severity=dict(config.severity),
    )
