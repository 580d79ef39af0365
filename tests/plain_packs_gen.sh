#!/usr/bin/env bash
# Prints the CMake argument that lets an instrumented build (sanitizers, fuzzing) run the pack
# generator of the plain build in SOURCE/build instead of its own: run instrumented, the
# generator's Hyperscan compile takes many minutes (CMakeLists.txt, REPLYLINT_PACKS_GEN); run
# plain, it takes the database it wrote next to itself when the patterns are the same.
# Prints nothing when there is no plain build; build/ must be of this same source.
# Usage: mapfile -t args < <(tests/plain_packs_gen.sh SOURCE)
gen=${1:?source folder}/build/replylint_packs_gen
if [ -x "$gen" ]; then echo "-DREPLYLINT_PACKS_GEN=$gen"; fi
