"""Reading INCEpTION's UIMA CAS XMI: ``.xmi`` files beside a ``TypeSystem.xml``, or a
zip of both, as INCEpTION exports them.

cassis gives offsets in code points (UIMA counts UTF-16 units; an emoji is 2 there,
1 here); text normalised on import moves them (``normalise_with_offsets``). The CAS
becomes annotator's native record (``xmi_cas``), which ``jsonl.parse_object``
checks like every other import. Writing is in ``xmi_write``.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path, PurePosixPath

from cassis import TypeSystem, load_cas_from_xmi, load_typesystem
from lxml import etree

from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    brief,
    read_regular,
    unreadable,
)
from annotator.formats.jsonl import BadLine, parse_object
from annotator.formats.xmi_cas import cas_native
from annotator.formats.xmi_types import TYPE_SYSTEM_NAMES

# A zip member unpacking to more than this is refused before it is read (a "zip bomb"):
# parsing takes about twice its size again, and one article's CAS is far smaller.
MAX_MEMBER_BYTES = 128 * 1024 * 1024


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    if path.name.lower() in {n.lower() for n in TYPE_SYSTEM_NAMES}:
        return  # read with the .xmi files beside it, not as a document
    if path.suffix.lower() == ".zip":
        yield from _read_zip(path, options)
        return
    folder = path.parent
    found = next((folder / n for n in TYPE_SYSTEM_NAMES if (folder / n).is_file()), None)
    if found is None:
        yield Problem(path, None, "has no TypeSystem.xml beside it (INCEpTION exports one "
                                  "with its XMI files; put it in the same folder)")
        return
    try:
        stat = found.stat()
        ts = _folder_type_system(str(found), stat.st_mtime_ns, stat.st_size)
        data = read_regular(path)
    except OSError as exc:
        yield unreadable(path, exc)
        return
    if isinstance(ts, str):
        yield Problem(found, None, ts)
        return
    yield _document(data, ts, path, path.stem, options, len(data))


@lru_cache(maxsize=8)
def _folder_type_system(path: str, mtime: int, size: int) -> TypeSystem | str:
    """A type system read once for all the XMI files of its folder (key: its path,
    time and size, so an edited one is read again)."""
    return _type_system(read_regular(Path(path)))


def _type_system(data: bytes) -> TypeSystem | str:
    """The type system in ``data``, or why it is not one."""
    try:
        return load_typesystem(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        return f"is not well-formed XML (line {exc.lineno}: {exc.msg})"
    except Exception as exc:  # cassis raises many kinds on a type system it cannot use
        return f"is not a UIMA type system cassis can load ({type(exc).__name__}: " \
               f"{brief(str(exc))})"


def _document(data: bytes, ts: TypeSystem, path: Path, name: str, options: ReadOptions,
              consumed: int, where: str = "") -> ReadItem:
    """One XMI document read against ``ts``, or the problem that stops it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            cas = load_cas_from_xmi(io.BytesIO(data), typesystem=ts, lenient=True)
        except etree.XMLSyntaxError as exc:
            return Problem(path, exc.lineno, f"{where}is not well-formed XML ({exc.msg})")
        except Exception as exc:  # cassis's errors have no common base
            return Problem(path, None, f"{where}is not a CAS XMI cassis can read against its "
                                       f"type system ({type(exc).__name__}: {brief(str(exc))})")
    moved = [str(w.message) for w in caught if "offset" in str(w.message)]
    if moved:
        return Problem(path, None, f"{where}has offsets that fall inside a character or past "
                                   f"the text (UIMA counts UTF-16 units): {brief(moved[0])}")
    try:
        native, said = cas_native(cas, name)
        record, more = parse_object(native, options)
    except BadLine as exc:
        return Problem(path, None, f"{where}{exc}")
    found = tuple(Problem(path, None, f"{where}{w}") for w in [*said, *more])
    return ReadDocument(record, path, None, found, consumed=consumed)


def _read_zip(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """The XMI files of a zip, each with the type system of its folder in the zip
    (or of the zip's top)."""
    try:
        with zipfile.ZipFile(io.BytesIO(read_regular(path))) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            systems = {str(PurePosixPath(m.filename).parent): m for m in members
                       if PurePosixPath(m.filename).name in TYPE_SYSTEM_NAMES}
            documents = sorted((m for m in members if m.filename.lower().endswith(".xmi")),
                               key=lambda m: m.filename)
            if not documents:
                yield Problem(path, None, "is a zip with no .xmi file in it (INCEpTION's "
                                          "export has TypeSystem.xml and one .xmi a document)")
                return
            loaded: dict[str, TypeSystem | str] = {}
            for member in documents:
                folder = str(PurePosixPath(member.filename).parent)
                system = systems.get(folder) or systems.get(".")
                where = f"{member.filename}: "
                if system is None:
                    yield Problem(path, None, f"{where}has no TypeSystem.xml beside it in the zip")
                    continue
                if system.filename not in loaded:
                    loaded[system.filename] = _type_system(_member(archive, system))
                ts = loaded[system.filename]
                if isinstance(ts, str):
                    yield Problem(path, None, f"{system.filename}: {ts}")
                    continue
                data = _member(archive, member)
                yield _document(data, ts, path, PurePosixPath(member.filename).stem, options,
                                member.compress_size, where)
    except OSError as exc:
        yield unreadable(path, exc)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        yield Problem(path, None, f"is not a readable zip ({brief(str(exc))})")


def _member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    if member.file_size > MAX_MEMBER_BYTES:
        raise ValueError(f"{member.filename} unpacks to {member.file_size} bytes, over "
                         f"{MAX_MEMBER_BYTES}")
    return archive.read(member)
