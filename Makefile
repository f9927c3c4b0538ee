# Shortcuts for developers; the README's commands work without make.
PY := .venv/bin/python

.PHONY: install test lint examples clean

install:
	python3 -m venv .venv && .venv/bin/pip install -e '.[test]'

test: install
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy && $(PY) -m pytest

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy

# rewrite examples/*.expected.json from the current rules (review the diff before committing)
examples:
	$(PY) tests/test_examples.py

clean:
	rm -rf .venv build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
