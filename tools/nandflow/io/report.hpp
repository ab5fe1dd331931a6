// The synthesis report: a table for people, JSON for scripts.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "flow/synth_flow.hpp"

namespace nandflow {

std::string nandflow_version();
std::string report_table(const SynthResult& r);
nlohmann::json report_json(const SynthResult& r);

}  // namespace nandflow
