"""Life phases (Lebensphasen) and which facility types serve them.

The mapping is a small editable table: ``resources/lifephases.csv`` by default
(semicolon-separated, UTF-8, one row per facility type, one 0/1 column per life
phase), or a text given by the user (parameter ``TYPE_MAPPING``), one entry per
line or separated by ``;``::

    Kita = early_childhood
    Grundschule = school_age
    Volkshochschule = adults, seniors
    Bibliothek = all

Phase names may be the keys below or their German names (``frühe Kindheit``,
``Schulalter``, ``Jugend``, ``Erwachsene``, ``Senioren``); ``all`` / ``alle``
means every phase. Type names are compared without case and surrounding blanks.
A text may also be the path of a CSV file in the format of the default table.
"""

import csv
import io
import os

PHASES = ("early_childhood", "school_age", "youth", "adults", "seniors")

ALIASES = {
    "early_childhood": "early_childhood", "early childhood": "early_childhood", "frühe kindheit": "early_childhood",
    "fruehe kindheit": "early_childhood", "frühkindlich": "early_childhood", "kleinkinder": "early_childhood",
    "school_age": "school_age", "school age": "school_age", "schulalter": "school_age", "schule": "school_age",
    "schulkinder": "school_age",
    "youth": "youth", "jugend": "youth", "jugendliche": "youth",
    "adults": "adults", "adult": "adults", "erwachsene": "adults", "erwachsenenalter": "adults",
    "seniors": "seniors", "senior": "seniors", "senioren": "seniors", "seniorinnen und senioren": "seniors",
    "ältere": "seniors",
}
ALL = ("all", "alle", "*")


class MappingError(ValueError):
    """A mapping text or file that cannot be read; the message names the line."""


def type_key(name):
    """How facility types are compared: stripped, case-folded text."""
    return "" if name is None else str(name).strip().casefold()


def phase_key(name):
    """A phase name or alias -> its key; raises :class:`MappingError` for unknown names."""
    key = str(name).strip().casefold()
    if key in ALIASES:
        return ALIASES[key]
    raise MappingError("unknown life phase '{}' (use one of {})".format(str(name).strip(), ", ".join(PHASES)))


def read_csv_text(text, source="CSV"):
    """{type: set of phases} from the wide 0/1 table (header ``typ;<phase>;...``)."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise MappingError("{}: empty mapping table".format(source))
    header = [c.strip() for c in rows[0]]
    phases = [phase_key(c) for c in header[1:]]
    mapping = {}
    for line, row in enumerate(rows[1:], start=2):
        typ = row[0].strip() if row else ""
        if not typ:
            raise MappingError("{}: row {} has no type".format(source, line))
        chosen = set()
        for phase, cell in zip(phases, row[1:]):
            cell = cell.strip().casefold()
            if cell in ("1", "x", "ja", "yes", "true"):
                chosen.add(phase)
            elif cell not in ("", "0", "nein", "no", "false", "-"):
                raise MappingError("{}: row {} ({}): '{}' is not 0 or 1".format(source, line, typ, cell))
        mapping[typ] = chosen
    return mapping


def parse_text(text):
    """{type: set of phases} from ``Typ = phase, phase`` entries (lines or ``;``-separated)."""
    mapping = {}
    entries = [e for line in text.splitlines() for e in line.split(";")]
    for number, entry in enumerate(entries, start=1):
        entry = entry.strip()
        if not entry or entry.startswith("#"):
            continue
        sep = "=" if "=" in entry else (":" if ":" in entry else None)
        if sep is None:
            raise MappingError("entry {} '{}': expected 'type = phase, phase'".format(number, entry))
        typ, phases = entry.split(sep, 1)
        typ = typ.strip()
        if not typ:
            raise MappingError("entry {} '{}': the type is empty".format(number, entry))
        chosen = set()
        for p in phases.split(","):
            if not p.strip():
                continue
            if p.strip().casefold() in ALL:
                chosen.update(PHASES)
            else:
                try:
                    chosen.add(phase_key(p))
                except MappingError as exc:
                    raise MappingError("entry {} '{}': {}".format(number, entry, exc))
        mapping[typ] = chosen
    if not mapping:
        raise MappingError("the mapping text has no entry")
    return mapping


def load(text_or_path=None, default_path=None):
    """The mapping from a text, a CSV path, or (when empty) the default CSV file."""
    if text_or_path is None or not str(text_or_path).strip():
        with open(default_path, encoding="utf-8-sig") as fh:
            return read_csv_text(fh.read(), os.path.basename(default_path))
    value = str(text_or_path).strip()
    if "\n" not in value and os.path.isfile(value):
        with open(value, encoding="utf-8-sig") as fh:
            return read_csv_text(fh.read(), os.path.basename(value))
    return parse_text(value)


def phases_of(mapping, typ):
    """Sorted (in PHASES order) phases of facility type *typ*; [] when the type is not mapped."""
    wanted = type_key(typ)
    for name, phases in mapping.items():
        if type_key(name) == wanted:
            return [p for p in PHASES if p in phases]
    return []


def is_mapped(mapping, typ):
    wanted = type_key(typ)
    return any(type_key(name) == wanted for name in mapping)


def serves(mapping, typ, phase):
    """True when facility type *typ* serves life phase *phase* (a key or alias)."""
    return phase_key(phase) in phases_of(mapping, typ)
