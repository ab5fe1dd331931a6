// Reading Yosys's JSON netlist format (write_json) into nandflow's Design.
#pragma once

#include <string>
#include <vector>

#include "frontend/yosys_frontend.hpp"
#include "network/design.hpp"

namespace nandflow {

// How the reader treats x (and z) constants in the netlist.
struct ReadOptions {
  // The source has none (source_is_x_free): every x in this netlist is one Yosys's own
  // passes put where the value cannot matter (opt_dff, say, leaves the data input of a
  // flip-flop's load mux x in the cases its enable excludes). It is read as 0 with no
  // warning and is not counted as a don't care of the source's.
  bool x_only_from_yosys = false;
};

// Reads the top module (the one with the "top" attribute) of a bit-level netlist
// made of $_AND_, $_NOT_ and the legalised flip-flop and latch cells. Refuses, naming
// the signal and its source line: unresolved x/z, combinational loops, inout ports and
// any other cell type.
Design read_yosys_json(const std::string& path, const ReadOptions& options = {});

// Whether a netlist (the light elaboration: proc, flatten, no optimisation) has no x or z
// constant and no undriven bit anywhere: the source then defines every value. Conservative:
// Yosys's proc also writes x of its own (a memory write port's data when it does not write,
// a function's temporaries), and a source with those is not called x-free.
bool source_is_x_free(const std::string& path);

// What the source is made of, read after proc/flatten/tribuf.
struct SourceCells {
  // Only single-bit gates and flip-flops (gate-level Verilog, AIGER, BLIF): Yosys's
  // word-level optimisations have nothing to do there, so a light script elaborates it.
  bool bit_level = true;
};
// Refuses designs with tri-state buffers, naming the signal and source line, and tells
// what the rest is made of.
SourceCells refuse_unsupported_cells(const std::string& path);

// Yosys's word-level storage cells: flip-flops ($dff, $adffe, ...) and latches ($dlatch, $sr, ...).
bool is_storage_cell_type(const std::string& type);

// Modules and their instances, from a JSON written before flattening.
std::vector<ModuleInfo> module_hierarchy(const std::string& path);

// The same three readers on JSON text already in memory; `path` names it in messages.
// Malformed text of any kind is a UserError (the fuzz target tests/fuzz/fuzz_yosys_json.cpp).
Design read_yosys_json_text(const std::string& text, const std::string& path, const ReadOptions& options = {});
bool source_is_x_free_text(const std::string& text, const std::string& path);
SourceCells refuse_unsupported_cells_text(const std::string& text, const std::string& path);
std::vector<ModuleInfo> module_hierarchy_text(const std::string& text, const std::string& path);

// "file.v:12" from a Yosys src attribute such as "file.v:12.3-12.20|other.v:4.1-4.9".
std::string source_location(const std::string& src_attribute);

}  // namespace nandflow
