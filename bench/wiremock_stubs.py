"""WireMock stub mappings for bench/compare.sh: the same bytes bare Javalin serves, inline
(a bodyFileName would be read from disk on every request). Usage: wiremock_stubs.py BODIES OUT"""
import json
import sys

bodies, out = sys.argv[1], sys.argv[2]
json_type = {"Content-Type": "application/json"}


def body(name):
    with open(f"{bodies}/{name}.json") as f:
        return f.read()


mappings = [
    {"request": {"method": "POST", "url": "/v1/videos"},
     "response": {"status": 201, "body": body("create"), "headers": json_type}},
    {"request": {"method": "GET", "urlPathPattern": "/v1/videos/[^/]+"},
     "response": {"status": 200, "body": body("poll"), "headers": json_type}},
]
with open(out, "w") as f:
    json.dump({"mappings": mappings}, f)
