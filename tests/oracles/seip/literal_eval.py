#!/usr/bin/python3
"""Independent oracle for VlassPS SEIP parameter lists.

Reads a SEIP_parameter.list the way the pipeline's hif_editimlist does (text mode, universal newlines;
skip lines starting with '#' or without '='; split at the first '='; strip; ast.literal_eval) and prints
JSON: {"entries": [{"key", "line", "value"}], "error": null | {"line", "message"}}.
Values are tagged so that types survive JSON: {"t": "str"|"int"|"float"|"bool"|"None"|"list"|"tuple"|"dict", "v": ...};
ints are decimal strings, floats carry repr() and float.hex().

Usage: literal_eval.py FILE            (parameter-list mode)
       literal_eval.py --lines FILE    (every line is one literal; prints a JSON list of tagged values)
"""
import ast
import json
import sys


def tag(v):
    if v is None:
        return {"t": "None"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": repr(v), "hex": v.hex()}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, list):
        return {"t": "list", "v": [tag(x) for x in v]}
    if isinstance(v, tuple):
        return {"t": "tuple", "v": [tag(x) for x in v]}
    if isinstance(v, dict):
        return {"t": "dict", "v": [[tag(k), tag(x)] for k, x in v.items()]}
    return {"t": type(v).__name__, "v": repr(v)}


def parameter_list(path):
    entries, error = [], None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if line.startswith("#") or "=" not in line:
                continue
            key, _, value = line.partition("=")
            try:
                entries.append({"key": key.strip(), "line": n, "value": tag(ast.literal_eval(value.strip()))})
            except Exception as ex:  # the pipeline would raise here
                error = {"line": n, "message": "%s: %s" % (type(ex).__name__, ex)}
                break
    return {"entries": entries, "error": error}


def lines(path):
    out = []
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f.read().split("\n"):
            if line == "":
                continue
            try:
                out.append({"ok": True, "value": tag(ast.literal_eval(line))})
            except Exception as ex:
                out.append({"ok": False, "message": "%s: %s" % (type(ex).__name__, ex)})
    return out


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--lines":
        result = lines(sys.argv[2])
    elif len(sys.argv) == 2:
        result = parameter_list(sys.argv[1])
    else:
        sys.exit(__doc__)
    json.dump(result, sys.stdout, ensure_ascii=True)
