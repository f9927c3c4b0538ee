"""Turning a request body (JSON or a multipart upload) into a :class:`CheckRequest`.

Everything a caller sends is checked here, so that a malformed request is
answered with a 4xx that says what is wrong, never with an exception.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request

from checker.readers import EXTENSIONS
from checker.server.errors import ApiError
from checker.server.service import INPUT_FORMATS, CheckRequest

JSON_KEYS = {"text", "docx", "format", "filename", "rules", "config", "include_source"}
TEXT_FORMATS = ("text", "markdown", "html")
DEFAULT_NAMES = {"text": "draft.txt", "markdown": "draft.md", "html": "draft.html", "docx": "draft.docx"}
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")
MAX_NAME = 200
MULTIPART_FIELDS = 16


def _invalid(message: str) -> ApiError:
    return ApiError(422, "invalid-request", message)


def clean_name(name: str | None, fmt: str) -> str:
    """A file label safe to echo back: no folders, no control characters."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = _UNSAFE_NAME.sub("", base).strip()[:MAX_NAME]
    return base or DEFAULT_NAMES[fmt]


def format_from_name(name: str | None) -> str | None:
    fmt = EXTENSIONS.get(os.path.splitext(name or "")[1].lower())
    return fmt if fmt in INPUT_FORMATS else None


def _rules(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _invalid("'rules' must be a list of rule ids")
    ids = tuple(v.strip() for v in value if v.strip())
    if not ids:
        raise _invalid("'rules' is empty: leave it out to run the default rules")
    return ids


def _config(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _invalid("'config' must be an object, as a newslint.toml would hold")
    return value


def _format(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in INPUT_FORMATS:
        raise _invalid(f"'format' must be one of {', '.join(INPUT_FORMATS)}")
    return value


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"1", "true", "yes", "on", "0", "false", "no", "off", ""}:
        return value.lower() in {"1", "true", "yes", "on"}
    raise _invalid("'include_source' must be true or false")


async def from_json(request: Request) -> CheckRequest:
    raw = await request.body()
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError):
        raise ApiError(400, "invalid-json", "the request body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise _invalid("the request body must be a JSON object")
    unknown = sorted(set(payload) - JSON_KEYS)
    if unknown:
        raise _invalid(f"unknown field {unknown[0]!r} (known: {', '.join(sorted(JSON_KEYS))})")
    has_text, has_docx = "text" in payload, "docx" in payload
    if has_text == has_docx:
        raise _invalid("send exactly one of 'text' (with a 'format') or 'docx' (base64)")
    filename = payload.get("filename")
    if filename is not None and not isinstance(filename, str):
        raise _invalid("'filename' must be a string")
    fmt = _format(payload.get("format"))
    if has_text:
        text = payload["text"]
        if not isinstance(text, str):
            raise _invalid("'text' must be a string")
        fmt = fmt or format_from_name(filename) or "text"
        if fmt not in TEXT_FORMATS:
            raise _invalid("'text' is checked as text, markdown or html; send a .docx as 'docx'")
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            raise _invalid("'text' holds unpaired surrogate escapes") from None
    else:
        if fmt not in (None, "docx"):
            raise _invalid("'docx' is always read as docx; leave 'format' out")
        fmt = "docx"
        if not isinstance(payload["docx"], str):
            raise _invalid("'docx' must be a base64 string")
        try:
            data = base64.b64decode(payload["docx"], validate=True)
        except (binascii.Error, ValueError):
            raise _invalid("'docx' is not valid base64") from None
    return CheckRequest(
        name=clean_name(filename, fmt),
        fmt=fmt,
        data=data,
        rules=_rules(payload.get("rules")),
        config=_config(payload.get("config")),
        include_source=_flag(payload.get("include_source", False)),
    )


async def from_multipart(request: Request, max_bytes: int) -> CheckRequest:
    try:
        form = await request.form(max_files=1, max_fields=MULTIPART_FIELDS, max_part_size=max_bytes)
    except ApiError:
        raise
    except Exception as err:  # python-multipart reports malformed bodies with several exception types
        status = getattr(err, "status_code", 400)
        if status == 413:
            raise
        raise ApiError(400, "invalid-multipart", f"the multipart body could not be read: {_detail(err)}") from None
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise _invalid("send the draft as a multipart field named 'file'")
        for key in form:
            if key not in {"file", "format", "rules", "config", "include_source"}:
                raise _invalid(f"unknown field {key!r}")
        data = await upload.read()
        fields = {k: form.get(k) for k in ("format", "rules", "config", "include_source")}
        for key, value in fields.items():
            if value is not None and not isinstance(value, str):
                raise _invalid(f"'{key}' must be a plain form field, not a file")
        fmt = _format(fields["format"]) or format_from_name(upload.filename) or "text"
        config = None
        if fields["config"]:
            try:
                config = _config(json.loads(str(fields["config"])))
            except (ValueError, RecursionError):
                raise _invalid("'config' must be a JSON object") from None
        rules = _rules(form.getlist("rules") if len(form.getlist("rules")) > 1 else fields["rules"])
        return CheckRequest(
            name=clean_name(upload.filename, fmt),
            fmt=fmt,
            data=data,
            rules=rules,
            config=config,
            include_source=_flag(fields["include_source"] or False),
        )
    finally:
        await form.close()


def _detail(err: Exception) -> str:
    return str(getattr(err, "detail", "") or err or type(err).__name__)[:200]
