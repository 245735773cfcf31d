#!/usr/bin/env python3
"""The AVX2 path must not leak into code that runs on CPUs without AVX2.

core/simd/dense_avx2.cpp is the one file compiled with -mavx2 -mfma, with Eigen renamed to
dlm_eigen_avx2 so that none of its template instances can stand in for the baseline ones at
link time. This check disassembles linked programs and fails if any function outside that
namespace and the path's entry points (dlm::detail::simd::) holds a VEX-encoded instruction
(AVX, AVX2, FMA: mnemonics v...), and if the path is missing from a program that links the
full kernel, so that it cannot pass by checking nothing.

usage: check_vector_paths.py PROGRAM...
"""
import re
import subprocess
import sys

ALLOWED = ("dlm_eigen_avx2::", "dlm::detail::simd::")
FUNCTION = re.compile(r"^[0-9a-f]+ <(.*)>:$")


def vex_functions(program):
    out = subprocess.run(["objdump", "-d", "-C", "--no-show-raw-insn", program],
                         check=True, capture_output=True, text=True).stdout
    found, name = set(), None
    for line in out.splitlines():
        m = FUNCTION.match(line)
        if m:
            name = m.group(1)
            continue
        parts = line.split("\t")
        if name and len(parts) >= 2 and re.match(r"v[a-z]", parts[1].strip()):
            found.add(name)
    return found


def main(programs):
    failed = False
    for program in programs:
        found = vex_functions(program)
        leaked = sorted(f for f in found if not any(a in f for a in ALLOWED))
        path = [f for f in found if "dlm_eigen_avx2::" in f]
        if leaked:
            failed = True
            print(f"{program}: AVX instructions outside the AVX2 path in:")
            for f in leaked[:20]:
                print("   ", f[:200])
        if not path:
            failed = True
            print(f"{program}: no AVX2 path linked (core/simd/dense_avx2.cpp)")
        if not failed:
            print(f"{program}: {len(path)} functions on the AVX2 path, none outside it")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) if len(sys.argv) > 1 else 2)
