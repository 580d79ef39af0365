"""Validates SARIF logs against the SARIF 2.1.0 JSON schema (sarif/sarif-schema-2.1.0.json),
with format checks, and checks what replylint promises on top: columns in code points, a help
text for every rule, a ruleIndex that names the result's rule, partialFingerprints on every
violation. Usage: validate_sarif.py SCHEMA LOG... (exit 1 on the first invalid log).
Needs Debian's python3-jsonschema."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("FAIL: the Python module jsonschema is missing: apt-get install -y python3-jsonschema")
    sys.exit(1)


def problems(schema, log):
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    out = ["schema: %s at %s" % (e.message, "/".join(str(p) for p in e.absolute_path))
           for e in validator.iter_errors(log)]
    if out:
        return out
    for run in log["runs"]:
        if run.get("columnKind") != "unicodeCodePoints":
            out.append("run.columnKind is not unicodeCodePoints")
        rules = run["tool"]["driver"].get("rules", [])
        for rule in rules:
            if not rule.get("help", {}).get("text"):
                out.append("rule %s has no help text" % rule["id"])
        for result in run.get("results", []):
            index = result.get("ruleIndex")
            if index is None or rules[index]["id"] != result["ruleId"]:
                out.append("result for %s has a wrong ruleIndex" % result["ruleId"])
            if result["ruleId"] != "replylint.unused-suppression" and not result.get("partialFingerprints"):
                out.append("result for %s has no partialFingerprints" % result["ruleId"])
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        found = problems(schema, log)
        if found:
            print("INVALID %s:" % path)
            for p in found[:20]:
                print("  " + p)
            sys.exit(1)
        print("valid %s" % path)


if __name__ == "__main__":
    main()
