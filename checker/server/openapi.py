"""The OpenAPI 3.1 description of the API, written out rather than generated,
so that it says exactly what the handlers accept."""

from __future__ import annotations

from typing import Any

from checker.server.service import INPUT_FORMATS, OVERRIDABLE_KEYS


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


_ERRORS = {
    "400": _error("Malformed request (invalid JSON or multipart body)."),
    "401": _error("Missing or wrong API token."),
    "413": _error("Request body over the size limit."),
    "415": _error("Neither application/json nor multipart/form-data."),
    "422": _error("A field is missing or invalid, a rule id is unknown, or the input cannot be read."),
    "503": _error("Busy, or the check took longer than the time budget; retry after the Retry-After seconds."),
}

_CHECK_OPTIONS: dict[str, Any] = {
    "rules": {
        "type": "array",
        "items": {"type": "string"},
        "description": "Run only these rule ids (as GET /v1/rules lists them).",
    },
    "config": {
        "type": "object",
        "description": "Overrides in the shape of newslint.toml; allowed keys: " + ", ".join(OVERRIDABLE_KEYS) + ".",
        "properties": {
            "select": {"type": "array", "items": {"type": "string"}},
            "extend-select": {"type": "array", "items": {"type": "string"}},
            "ignore": {"type": "array", "items": {"type": "string"}},
            "severity": {"type": "object", "additionalProperties": {"enum": ["info", "warning", "error"]}},
            "rules": {"type": "object", "additionalProperties": {"type": "object"}},
        },
        "additionalProperties": False,
    },
    "filename": {"type": "string", "description": "The label reported as the file's path."},
    "include_source": {
        "type": "boolean",
        "default": False,
        "description": "Add the checked source text as files[0].source (for a .docx: one paragraph a line).",
    },
}


def openapi_document(version: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "newslint",
            "version": version,
            "description": "Check news copy before it is published. Findings follow the same JSON contract "
            "as `newslint check --format json`, with one file entry.",
        },
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["status", "code", "message"],
                            "properties": {
                                "status": {"type": "integer"},
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                            },
                        }
                    },
                },
                "CheckText": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string"},
                        "format": {"enum": [f for f in INPUT_FORMATS if f != "docx"], "default": "text"},
                        **_CHECK_OPTIONS,
                    },
                    "additionalProperties": False,
                },
                "CheckDocx": {
                    "type": "object",
                    "required": ["docx"],
                    "properties": {
                        "docx": {"type": "string", "contentEncoding": "base64"},
                        "format": {"const": "docx"},
                        **_CHECK_OPTIONS,
                    },
                    "additionalProperties": False,
                },
                "CheckUpload": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "contentMediaType": "application/octet-stream"},
                        "format": {"enum": list(INPUT_FORMATS)},
                        "rules": {"type": "string", "description": "Comma-separated rule ids, or the field repeated."},
                        "config": {"type": "string", "description": "The config overrides object, as JSON."},
                        "include_source": {"type": "string", "enum": ["true", "false"]},
                    },
                },
                "Position": {
                    "type": "object",
                    "properties": {
                        "line": {"type": "integer", "minimum": 1},
                        "column": {"type": "integer", "minimum": 1},
                    },
                },
                "Finding": {
                    "type": "object",
                    "required": ["rule", "severity", "line", "column", "end_line", "end_column", "message", "excerpt"],
                    "properties": {
                        "rule": {"type": "string"},
                        "severity": {"enum": ["info", "warning", "error"]},
                        "line": {"type": "integer", "minimum": 1},
                        "column": {"type": "integer", "minimum": 1},
                        "end_line": {"type": "integer", "minimum": 1},
                        "end_column": {"type": "integer", "minimum": 1, "description": "Exclusive."},
                        "message": {"type": "string"},
                        "excerpt": {"type": "string"},
                        "related": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["line", "column", "message"],
                                "properties": {
                                    "line": {"type": "integer"},
                                    "column": {"type": "integer"},
                                    "message": {"type": "string"},
                                    "path": {"type": "string"},
                                },
                            },
                        },
                        "fix": {
                            "type": "object",
                            "required": ["replacement", "line", "column", "end_line", "end_column"],
                            "properties": {
                                "replacement": {"type": "string"},
                                "line": {"type": "integer"},
                                "column": {"type": "integer"},
                                "end_line": {"type": "integer"},
                                "end_column": {"type": "integer"},
                            },
                        },
                    },
                },
                "Report": {
                    "type": "object",
                    "required": ["version", "files", "summary"],
                    "properties": {
                        "version": {"const": 1},
                        "files": {
                            "type": "array",
                            "minItems": 1,
                            "maxItems": 1,
                            "items": {
                                "type": "object",
                                "required": ["path", "findings"],
                                "properties": {
                                    "path": {"type": "string"},
                                    "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
                                    "notices": {"type": "array", "items": {"type": "string"}},
                                    "source": {"type": "string"},
                                },
                            },
                        },
                        "summary": {
                            "type": "object",
                            "properties": {
                                k: {"type": "integer"}
                                for k in ("files", "findings", "errors", "warnings", "infos", "unreadable")
                            },
                        },
                    },
                },
                "Rule": {
                    "type": "object",
                    "required": ["id", "kind", "severity", "enabled", "summary"],
                    "properties": {
                        "id": {"type": "string"},
                        "kind": {"type": "string"},
                        "severity": {"enum": ["info", "warning", "error"]},
                        "enabled": {"type": "boolean"},
                        "summary": {"type": "string"},
                        "doc": {
                            "type": "object",
                            "properties": {k: {"type": "string"} for k in ("what", "why", "example", "fix")},
                        },
                        "text": {"type": "string", "description": "What `newslint explain RULE` prints."},
                    },
                },
            },
        },
        "security": [{"token": []}, {}],
        "paths": {
            "/v1/check": {
                "post": {
                    "summary": "Check one draft",
                    "operationId": "check",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "oneOf": [
                                        {"$ref": "#/components/schemas/CheckText"},
                                        {"$ref": "#/components/schemas/CheckDocx"},
                                    ]
                                }
                            },
                            "multipart/form-data": {"schema": {"$ref": "#/components/schemas/CheckUpload"}},
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The findings, in the JSON contract of `newslint check --format json`.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}},
                        },
                        **_ERRORS,
                    },
                }
            },
            "/v1/rules": {
                "get": {
                    "summary": "List every rule",
                    "operationId": "listRules",
                    "responses": {
                        "200": {
                            "description": "The rules, in pack order.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "rules": {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}}
                                        },
                                    }
                                }
                            },
                        },
                        "401": _ERRORS["401"],
                    },
                }
            },
            "/v1/rules/{rule_id}": {
                "get": {
                    "summary": "Explain one rule",
                    "operationId": "explainRule",
                    "parameters": [{"name": "rule_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {
                        "200": {
                            "description": "The rule and its documentation.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Rule"}}},
                        },
                        "401": _ERRORS["401"],
                        "404": _error("No rule with that id."),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Liveness and what the server offers",
                    "operationId": "health",
                    "responses": {
                        "200": {
                            "description": "The server is up.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "status": {"const": "ok"},
                                            "version": {"type": "string"},
                                            "rules": {"type": "integer", "description": "Rules enabled by default."},
                                            "formats": {"type": "array", "items": {"type": "string"}},
                                        },
                                    }
                                }
                            },
                        },
                        "401": _ERRORS["401"],
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This description",
                    "operationId": "openapi",
                    "responses": {"200": {"description": "OpenAPI 3.1 document."}, "401": _ERRORS["401"]},
                }
            },
            "/": {
                "get": {
                    "summary": "The page for editors",
                    "operationId": "page",
                    "parameters": [
                        {
                            "name": "token",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string"},
                            "description": "Sets the token cookie and redirects to /, when the server has a token.",
                        }
                    ],
                    "responses": {"200": {"description": "HTML page."}, "303": {"description": "Token accepted."}},
                }
            },
        },
    }
