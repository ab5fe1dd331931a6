// A SystemC TLM-2.0 loosely-timed model of the differential-attention accelerator (built
// with the RMSNorm, HAS_NORM = 1) as a memory-mapped peripheral: the register map of rtl/diffattn/README.md on a target socket
// (byte address = word address * 4, 32-bit little-endian data), the result from the
// bit-exact model (fixed_attention), the timing from the RTL's cycle model (head_cycles).
//
// Timing, in clock periods, as the RTL behind DiffAttnPinBridge shows it: every access takes
// one period; a head started by the write to CTRL is done head_cycles(...) periods after that
// write began, and a STATUS read shows done when it ends at or after that time. Like the RTL,
// registers and buffers ignore writes while busy.
#pragma once

#include <cstdint>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "diffattn_model.hpp"

namespace diffattn {


class DiffAttnTlm : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<DiffAttnTlm> socket;

  // The synthesis parameters of the RTL it stands for (narrow: NARROW = 1; out_lanes: OUT_LANES
  // of a SPLIT build, else 0), and its clock period.
  DiffAttnTlm(sc_core::sc_module_name name, int nmax, int dmax, int dvmax, int lanes, bool narrow, int out_lanes,
              sc_core::sc_time period);

  long heads_run() const { return heads_; }

  // The socket's transport: 4-byte aligned single-word accesses; anything else answers
  // TLM_BURST_ERROR_RESPONSE, an address past the map TLM_ADDRESS_ERROR_RESPONSE.
  void b_transport(tlm::tlm_generic_payload& tx, sc_core::sc_time& delay);

 private:
  void write(std::uint32_t word, std::uint32_t data, const sc_core::sc_time& at);
  std::uint32_t read(std::uint32_t word, const sc_core::sc_time& end) const;
  bool busy_at(const sc_core::sc_time& t) const { return started_ && t < done_at_; }

  const int nmax_, dmax_, dvmax_, lanes_;
  const bool narrow_;
  const int out_lanes_;
  const sc_core::sc_time period_;
  std::uint32_t n_ = 0, d_ = 0, dv_ = 0, score_mult_ = 0, score_shift_ = 0, causal_ = 0, norm_ = 0, eps_ = 0;
  std::int16_t lambda_ = 0;
  std::vector<std::int8_t> q1_, k1_, q2_, k2_, v_;
  std::vector<std::int32_t> o_;
  std::vector<std::int16_t> gain_;
  bool started_ = false;
  sc_core::sc_time done_at_;
  long heads_ = 0;
};

}  // namespace diffattn
