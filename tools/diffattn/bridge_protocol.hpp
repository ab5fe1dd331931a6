// The serial command protocol of rtl/soc/diffattn_bridge.v, seen from the host: commands
// as bytes, and what their replies mean. A Link carries one command and returns its reply;
// the same head code runs over a serial port (a board, or the Verilated SoC behind a
// pseudo-terminal) and over a recorded script (the post-packing simulation).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diffattn_model.hpp"

namespace diffattn {

// One command: the bytes to send and how many bytes its reply has.
struct Command {
  std::vector<std::uint8_t> bytes;
  std::size_t reply_bytes = 0;
  bool waits = false;  // 'D': the reply comes when the head is done
};

Command write_word(std::uint32_t addr, std::uint32_t data);                 // 'W', reply 'k'
Command write_block(std::uint32_t addr, const std::vector<std::uint8_t>& data);  // 'B', reply 'k'
Command read_words(std::uint32_t addr, std::uint16_t count);                // 'R', reply 4 count bytes
Command wait_done();                                                        // 'D', reply 'd'

// Carries a command to the bridge and returns its reply (reply_bytes bytes); throws
// std::runtime_error when the reply does not come.
class Link {
 public:
  virtual ~Link() = default;
  virtual std::vector<std::uint8_t> exchange(const Command& command) = 0;
};

// The synthesis parameters the accelerator reports (registers NMAX .. HAS_NORM).
struct Layout {
  int nmax = 64, dmax = 16, dvmax = 16, lanes = 2;
  bool has_norm = false;
  bool narrow = false;  // 8 x 8 lanes (bit 8 of the LANES register)
  int out_lanes = 0;    // SPLIT builds: OUT's own lanes, `lanes` being DOT's (bits 23..16)
};
Layout read_layout(Link& link);

// Loads a head (registers, then each matrix row as one block), starts it, waits for it and
// reads O back, row by row. Throws std::runtime_error on a wrong reply or a head that does
// not fit the layout.
Matrix<std::int32_t> run_head(Link& link, const FixedInputs& in, const Layout& layout);

}  // namespace diffattn
