#!/usr/bin/env python3
"""Counts test outcomes in the TRX files of a results folder.

Prints the skipped tests with their reasons (a skip says which service was missing), then 'N skipped', and LAST the
plain line 'N passed, N failed' that CI reads, so a run that executed no test is visible."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

folder = sys.argv[1] if len(sys.argv) > 1 else "TestResults"
passed = failed = 0
skipped = {}
for path in glob.glob(f"{folder}/**/*.trx", recursive=True):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
        outcome = result.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            # NUnit's reason ("No PostgreSQL at …") is the StdOut/Message of the result; group the skips by it.
            message = result.find("t:Output/t:ErrorInfo/t:Message", NS)
            if message is None:
                message = result.find("t:Output/t:StdOut", NS)
            reason = (message.text or "").strip().splitlines()[0] if message is not None and message.text else "no reason given"
            skipped[reason] = skipped.get(reason, 0) + 1
        else:
            failed += 1
for reason, count in sorted(skipped.items(), key=lambda item: -item[1]):
    print(f"  skipped {count}: {reason}")
print(f"{sum(skipped.values())} skipped")
print(f"{passed} passed, {failed} failed")
