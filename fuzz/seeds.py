"""Write a small seed corpus for the fuzz target: one short file per reader.

    .venv/bin/python fuzz/seeds.py fuzz/corpus

The first byte of each seed picks the reader (see ``fuzz_pipeline.py``).
A .docx seed stores its members uncompressed, so that mutations reach the XML.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline import FORMATS

ARTICLE = (
    "Police say 12 people died in Kabul\n\n"
    "At least 12 people were killed on Tuesday, police said.\n\n"
    '"We will rebuild," said Maria Lopez, the mayor. Lopez added: "It is hard."\n\n'
    "Officials later said 15 people died. “He left,” she said.\n"
)

DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
DOCX_BODY = (
    '<?xml version="1.0" encoding="UTF-8"?><w:document '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "{paragraphs}</w:body></w:document>"
)


def docx_bytes(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", DOCX_TYPES)
        z.writestr("_rels/.rels", DOCX_RELS)
        z.writestr("word/document.xml", DOCX_BODY.format(paragraphs=body))
    return buf.getvalue()


def seeds() -> dict[str, bytes]:
    html = "<html><body><h1>Title</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")) + "</body></html>"
    markdown = "# " + ARTICLE.replace("\n\n", "\n\n> ", 1)
    json_doc = json.dumps({"headline": "Kabul", "body": ARTICLE})
    return {
        "text": ARTICLE.encode(),
        "markdown": markdown.encode(),
        "html": html.encode(),
        "docx": docx_bytes([p.replace('"', "&quot;") for p in ARTICLE.split("\n\n")]),
        "json": json_doc.encode(),
        "jsonl": (json_doc + "\n" + json_doc + "\n").encode(),
    }


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for fmt, data in seeds().items():
        (out / f"seed-{fmt}").write_bytes(bytes([FORMATS.index(fmt)]) + data)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus")
