// Memory and size limits, so that a design too large for the machine stops with a clear
// message instead of an out-of-memory kill.
#pragma once

#include <cstddef>
#include <string>

namespace nandflow {

// Caps the address space of this process and of every tool it runs (Yosys, Verilator)
// at `megabytes` (setrlimit RLIMIT_AS): an allocation past it fails (std::bad_alloc),
// which `main` reports. 0 = no limit. Not applied under AddressSanitizer, which reserves
// terabytes of address space up front.
void limit_memory(std::size_t megabytes);

// False in a build under AddressSanitizer, where limit_memory does nothing.
bool memory_limit_supported();

// The limit in force (0 = none), for messages.
std::size_t memory_limit_mb();

// Three quarters of the machine's physical memory: the default limit.
std::size_t default_memory_limit_mb();

// The message for running out of memory under the limit.
std::string out_of_memory_message(const std::string& who);

}  // namespace nandflow
