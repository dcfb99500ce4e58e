"""UIMA CAS XMI, INCEpTION's exchange format: hand-written files in its shapes, and a
round trip that dkpro-cassis itself reads."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from cassis import load_cas_from_xmi, load_typesystem

from annotator.formats import xmi
from annotator.formats.base import Problem, ReadDocument, ReadOptions
from annotator.formats.registry import format_for

TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<typeSystemDescription xmlns="http://uima.apache.org/resourceSpecifier"><types>
<typeDescription><name>de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData</name>
<supertypeName>uima.tcas.DocumentAnnotation</supertypeName><features>
<featureDescription><name>documentTitle</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
<featureDescription><name>documentId</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
</features></typeDescription>
<typeDescription><name>de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence</name>
<supertypeName>uima.tcas.Annotation</supertypeName></typeDescription>
<typeDescription><name>de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token</name>
<supertypeName>uima.tcas.Annotation</supertypeName></typeDescription>
<typeDescription><name>de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS</name>
<supertypeName>uima.tcas.Annotation</supertypeName><features>
<featureDescription><name>PosValue</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
</features></typeDescription>
<typeDescription><name>de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity</name>
<supertypeName>uima.tcas.Annotation</supertypeName><features>
<featureDescription><name>value</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
<featureDescription><name>identifier</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
</features></typeDescription>
<typeDescription><name>webanno.custom.Casualty</name>
<supertypeName>uima.tcas.Annotation</supertypeName><features>
<featureDescription><name>outcome</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
<featureDescription><name>count</name><rangeTypeName>uima.cas.Integer</rangeTypeName></featureDescription>
</features></typeDescription>
<typeDescription><name>webanno.custom.Attack</name>
<supertypeName>uima.tcas.Annotation</supertypeName><features>
<featureDescription><name>Governor</name><rangeTypeName>de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity</rangeTypeName></featureDescription>
<featureDescription><name>Dependent</name><rangeTypeName>uima.tcas.Annotation</rangeTypeName></featureDescription>
<featureDescription><name>role</name><rangeTypeName>uima.cas.String</rangeTypeName></featureDescription>
</features></typeDescription>
<typeDescription><name>webanno.custom.Relevance</name>
<supertypeName>uima.cas.AnnotationBase</supertypeName><features>
<featureDescription><name>relevant</name><rangeTypeName>uima.cas.Boolean</rangeTypeName></featureDescription>
</features></typeDescription>
</types></typeSystemDescription>
"""

# "😀 Rockets hit Ain al-Assad.\r\nFive hurt." -- offsets in UTF-16 units: the emoji is 2,
# the CR is one more before "Five".
XMI = """<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore"
 xmlns:type="http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore"
 xmlns:type2="http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore"
 xmlns:pos="http:///de/tudarmstadt/ukp/dkpro/core/api/lexmorph/type/pos.ecore"
 xmlns:type3="http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore"
 xmlns:custom="http:///webanno/custom.ecore" xmi:version="2.0">
<cas:NULL xmi:id="0"/>
<type:DocumentMetaData xmi:id="2" sofa="1" begin="0" end="40" documentTitle="report.txt"
 documentId="report-1"/>
<type2:Sentence xmi:id="3" sofa="1" begin="0" end="28"/>
<type2:Sentence xmi:id="4" sofa="1" begin="30" end="40"/>
<type2:Token xmi:id="5" sofa="1" begin="3" end="10"/>
<type2:Token xmi:id="6" sofa="1" begin="30" end="34"/>
<pos:POS xmi:id="7" sofa="1" begin="3" end="10" PosValue="NNS"/>
<type3:NamedEntity xmi:id="8" sofa="1" begin="3" end="10" value="actor"/>
<type3:NamedEntity xmi:id="9" sofa="1" begin="15" end="27" value="location" identifier="http://sws.geonames.org/98182/"/>
<type3:NamedEntity xmi:id="10" sofa="1" begin="15" end="27" value="facility"/>
<custom:Casualty xmi:id="11" sofa="1" begin="30" end="39" outcome="injured" count="5"/>
<custom:Attack xmi:id="12" sofa="1" begin="15" end="27" Governor="8" Dependent="9" role="target"/>
<custom:Relevance xmi:id="13" sofa="1" relevant="true"/>
<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text"
 sofaString="&#128512; Rockets hit Ain al-Assad.&#13;&#10;Five hurt."/>
<cas:View sofa="1" members="2 3 4 5 6 7 8 9 10 11 12 13"/>
</xmi:XMI>
"""


def written(folder: Path, xmi_text: str = XMI, types: str = TYPES) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "TypeSystem.xml").write_text(types, encoding="utf-8")
    path = folder / "report.xmi"
    path.write_text(xmi_text, encoding="utf-8")
    return path


def read_one(path: Path) -> ReadDocument:
    items = list(xmi.read(path, ReadOptions(coder="alice")))
    assert len(items) == 1 and isinstance(items[0], ReadDocument), items
    return items[0]


def test_inception_shapes_read_in_code_points_over_normalised_text(tmp_path: Path) -> None:
    read = read_one(written(tmp_path / "export"))
    record = read.record
    assert record.text == "😀 Rockets hit Ain al-Assad.\nFive hurt."
    assert (record.uid, record.title) == ("report-1", "report.txt")
    spans = sorted((s.start, s.end, s.label, s.text) for s in record.spans)
    assert spans == [(2, 9, "actor", "Rockets"), (14, 26, "facility", "Ain al-Assad"),
                     (14, 26, "location", "Ain al-Assad"), (28, 37, "Casualty", "Five hurt")]
    casualty = next(s for s in record.spans if s.label == "Casualty")
    assert dict(casualty.attrs) == {"outcome": "injured", "count": 5}
    location = next(s for s in record.spans if s.label == "location")
    assert [(link.kb, link.id) for link in location.links] == [
        ("inception", "http://sws.geonames.org/98182/")]
    (relation,) = record.relations
    assert relation.label == "target" and relation.tail == location.uid
    assert [(d.name, d.value) for d in record.doc_labels] == [("Relevance", True)]
    assert record.meta["tokenization"]["sentences"] == [[0, 27], [28, 38]]
    assert any("1 POS annotations not read" in str(w) for w in read.warnings)


def test_a_zip_as_inception_exports_it(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("TypeSystem.xml", TYPES)
        out.writestr("report.xmi", XMI)
    assert format_for(archive, "auto") == "xmi"
    (item,) = xmi.read(archive, ReadOptions())
    assert isinstance(item, ReadDocument) and len(item.record.spans) == 4


def test_broken_files_are_problems_with_reasons(tmp_path: Path) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "a.xmi").write_text(XMI, encoding="utf-8")
    (problem,) = xmi.read(alone / "a.xmi", ReadOptions())
    assert isinstance(problem, Problem) and "TypeSystem.xml" in problem.reason
    cut = written(tmp_path / "cut", XMI[:700])
    (problem,) = xmi.read(cut, ReadOptions())
    assert isinstance(problem, Problem) and "well-formed" in problem.reason
    inside = written(tmp_path / "inside", XMI.replace('begin="3" end="10" value="actor"',
                                                     'begin="1" end="10" value="actor"'))
    (problem,) = xmi.read(inside, ReadOptions())
    assert isinstance(problem, Problem) and "UTF-16" in problem.reason
    bad_types = written(tmp_path / "types", XMI, "<typeSystemDescription")
    (problem,) = xmi.read(bad_types, ReadOptions())
    assert isinstance(problem, Problem) and "TypeSystem.xml" in str(problem)
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as out:
        out.writestr("notes.txt", "nothing")
    (problem,) = xmi.read(empty, ReadOptions())
    assert isinstance(problem, Problem) and "no .xmi" in problem.reason


def test_the_type_system_itself_is_not_a_document(tmp_path: Path) -> None:
    written(tmp_path / "export")
    assert list(xmi.read(tmp_path / "export" / "TypeSystem.xml", ReadOptions())) == []


def test_cassis_reads_what_it_is_given(tmp_path: Path) -> None:
    path = written(tmp_path / "export")
    ts = load_typesystem(path.parent / "TypeSystem.xml")
    cas = load_cas_from_xmi(path.read_bytes().decode(), typesystem=ts)
    assert len(cas.select("de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity")) == 3


def test_a_zip_member_that_unpacks_too_large_is_refused_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    from annotator.formats import xmi as xmi_reader
    from annotator.formats.base import ReadOptions

    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("TypeSystem.xml", "<typeSystemDescription/>")
        archive.writestr("doc.xmi", " " * 4096)
    read_sizes: list[int] = []
    original = zipfile.ZipFile.read
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda self, name, *a: read_sizes.append(
        getattr(name, "file_size", 0)) or original(self, name, *a))
    monkeypatch.setattr(xmi_reader, "MAX_MEMBER_BYTES", 1024)
    items = list(xmi_reader.read(path, ReadOptions()))
    assert items and all(not hasattr(item, "record") for item in items)
    assert any("unpacks to 4096 bytes" in str(item) for item in items)
    assert 4096 not in read_sizes  # refused from its header, never unpacked
