"""Plausible string values for UET fields, chosen by the field's name and its schema (pattern, format, length).

Realistic values matter for the benchmark: pattern and format checks, and the length of what is parsed, are a
real part of validation cost; "aaaa" everywhere would flatter every validator alike and hide nothing.
"""

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
WORDS = ("refactor parser module add tests for retry logic update config schema fix flaky integration "
         "suite migrate build scripts document public api tighten validation of inputs split large file").split()
TOOLS = ["codex", "aider", "claude-code", "pytest", "ruff", "dotnet-test", "eslint", "semgrep"]
PATH_HINTS = ("path", "dir", "root", "file", "read", "write", "create", "forbidden", "exclusions",
              "files_touched", "applied_files", "forbid_touching_paths", "require_tests_for_paths")
DIFF = """--- a/src/parser.py
+++ b/src/parser.py
@@ -10,7 +10,9 @@ def parse(text):
-    tokens = text.split()
+    tokens = [t for t in text.split() if t]
+    if not tokens:
+        raise ValueError("empty input")
     return build(tokens)
"""


class Values:
    def __init__(self, rng):
        self.rng = rng

    def ulid(self):
        # First character 0-7: the 48-bit time part of a real ULID never overflows.
        return self.rng.choice("01234567") + "".join(self.rng.choice(CROCKFORD) for _ in range(25))

    def date_time(self):
        r = self.rng
        return (f"2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:"
                f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d}{r.choice(['Z', '.123Z', '+02:00'])}")

    def sentence(self, words=8):
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(3, words))).capitalize()

    def string(self, name, schema):
        r = self.rng
        pattern = schema.get("pattern", "")
        if "A-HJKMNP" in pattern:
            return self.ulid()
        if pattern.startswith("^[0-9]+\\."):
            return f"{r.randint(0, 3)}.{r.randint(0, 20)}.{r.randint(0, 9)}"
        if schema.get("format") == "date-time":
            return self.date_time()
        value = self.by_name(name)
        return value[: schema["maxLength"]] if "maxLength" in schema else value

    def by_name(self, name):
        r = self.rng
        if name == "diff_text":
            return DIFF
        if name.endswith("_id") or name in ("id", "doc_id"):
            return f"{name.removesuffix('_id').upper().replace('_', '-')}-{r.randint(1, 9999):04d}"
        if name in ("tool_id", "target_tool", "select_from", "validate_with", "allowed_tools", "available_tools"):
            return r.choice(TOOLS)
        if name in ("command", "test_command"):
            return r.choice(["pytest -q", "dotnet test", "npm test --silent", "ruff check ."])
        if any(hint in name for hint in PATH_HINTS):
            return f"src/{r.choice(['core', 'api', 'cli', 'tests'])}/{r.choice(WORDS)}_{r.randint(1, 40)}.py"
        if name.isupper() or name in ("objective", "summary", "description", "reason", "title", "name"):
            return self.sentence(14 if name.isupper() else 8)
        if name in ("version", "profile_version"):
            return f"1.{r.randint(0, 9)}.{r.randint(0, 9)}"
        return f"{name.replace('_', '-')}-{r.choice(WORDS)}"
