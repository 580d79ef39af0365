// A corpus of replies for tests that compare two ways of matching the shipped packs, made here
// from a fixed seed: nothing outside the repository is read.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace replylint::test {

// `size` (buyer's message, reply) pairs, the buyer's message mostly empty. The same every run.
std::vector<std::pair<std::string, std::string>> generated_corpus(std::size_t size);

}  // namespace replylint::test
