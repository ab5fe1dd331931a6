// diffattn-sc: the same register transactions sent to the SystemC TLM-2.0 model of the
// accelerator (DiffAttnTlm) and to the RTL compiled by `verilator --sc` behind a TLM-to-pin
// bridge; the outputs and the cycle counts of every head must be identical, and the outputs
// equal to the bit-exact model's.
//
//   diffattn-sc [--cases N] [--seed S]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "Vdiffattn_sc.h"
#include "tables_dir.hpp"
#include "diffattn_model.hpp"
#include "diffattn_tlm.hpp"
#include "nandflow_version.hpp"

namespace {

constexpr int kNMax = 64, kDMax = 16, kDvMax = 16;  // as verilated (CMakeLists.txt), the UP5K's
constexpr int kLanes = 6, kOutLanes = 4;              // lanes: 6 narrow (8 x 8) DOT lanes, 4 OUT
constexpr bool kNarrow = true;                        // lanes (SPLIT)
const sc_core::sc_time kPeriod(10, sc_core::SC_NS);  // 100 MHz

// The RTL as a TLM target: each b_transport is one bus cycle on the Verilated model's pins.
// Inputs change at a falling clock edge, the RTL samples them at the rising edge, and the
// access ends at the next falling edge, so every access takes exactly one period, as the
// TLM model assumes.
struct DiffAttnPinBridge : sc_core::sc_module {
  tlm_utils::simple_target_socket<DiffAttnPinBridge> socket;
  sc_core::sc_in<bool> clk;
  sc_core::sc_signal<bool> reset, bus_write, bus_read, busy, done;
  sc_core::sc_signal<std::uint32_t> bus_addr, bus_wdata, bus_rdata;
  Vdiffattn_sc rtl;

  SC_HAS_PROCESS(DiffAttnPinBridge);
  explicit DiffAttnPinBridge(sc_core::sc_module_name name) : sc_core::sc_module(name), socket("socket"), rtl("rtl") {
    rtl.clk(clk);
    rtl.reset(reset);
    rtl.bus_write(bus_write);
    rtl.bus_read(bus_read);
    rtl.bus_addr(bus_addr);
    rtl.bus_wdata(bus_wdata);
    rtl.bus_rdata(bus_rdata);
    rtl.busy(busy);
    rtl.done(done);
    socket.register_b_transport(this, &DiffAttnPinBridge::b_transport);
    reset.write(true);
  }

  // Holds reset for two cycles; called by the initiator before its first access.
  void reset_rtl() {
    align();
    reset.write(true);
    wait(clk.posedge_event());
    wait(clk.posedge_event());
    wait(clk.negedge_event());
    reset.write(false);
  }

  void b_transport(tlm::tlm_generic_payload& tx, sc_core::sc_time& delay) {
    wait(delay);  // this target keeps no local time: catch up with the initiator
    delay = sc_core::SC_ZERO_TIME;
    align();
    std::uint32_t data = 0;
    if (tx.is_write()) std::memcpy(&data, tx.get_data_ptr(), 4);
    bus_addr.write(static_cast<std::uint32_t>(tx.get_address() / 4));
    bus_wdata.write(data);
    bus_write.write(tx.is_write());
    bus_read.write(tx.is_read());
    wait(clk.posedge_event());
    wait(sc_core::SC_ZERO_TIME);  // the model evaluates the edge
    wait(sc_core::SC_ZERO_TIME);
    if (tx.is_read()) {
      data = bus_rdata.read();
      std::memcpy(tx.get_data_ptr(), &data, 4);
    }
    bus_write.write(false);
    bus_read.write(false);
    wait(clk.negedge_event());
    tx.set_response_status(tlm::TLM_OK_RESPONSE);
  }

  // Waits for a falling edge unless one is happening now (falling edges are at whole periods).
  void align() {
    if (sc_core::sc_time_stamp() % kPeriod != sc_core::SC_ZERO_TIME) wait(clk.negedge_event());
  }
};

// One head as the host sees it: inputs, and what came back.
struct Head {
  std::string name;
  diffattn::FixedInputs in;
  diffattn::Matrix<std::int32_t> out;
  long cycles = 0;
  bool timed_out = false;
};

// Drives the register map through a TLM socket, loosely timed with a quantum keeper.
struct Host : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Host> socket;
  std::vector<Head> heads;
  DiffAttnPinBridge* bridge = nullptr;  // the RTL needs a reset first
  bool finished = false;

  SC_HAS_PROCESS(Host);
  Host(sc_core::sc_module_name name, std::vector<Head> work) : sc_core::sc_module(name), socket("socket"), heads(std::move(work)) {
    SC_THREAD(run);
  }

  void access(bool write, std::uint32_t word, std::uint32_t& data) {
    tlm::tlm_generic_payload tx;
    tx.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    tx.set_address(static_cast<sc_dt::uint64>(word) * 4);
    tx.set_data_ptr(reinterpret_cast<unsigned char*>(&data));
    tx.set_data_length(4);
    tx.set_streaming_width(4);
    tx.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_core::sc_time delay = keeper.get_local_time();
    socket->b_transport(tx, delay);
    keeper.set(delay);
    if (keeper.need_sync()) keeper.sync();
    if (tx.get_response_status() != tlm::TLM_OK_RESPONSE) SC_REPORT_FATAL("diffattn-sc", "bus error");
  }
  void write(std::uint32_t word, std::uint32_t data) { access(true, word, data); }
  std::uint32_t read(std::uint32_t word) {
    std::uint32_t data = 0;
    access(false, word, data);
    return data;
  }

  void run() {
    keeper.reset();
    if (bridge) bridge->reset_rtl();
    for (Head& h : heads) {
      const diffattn::FixedInputs& in = h.in;
      int n = in.q1.rows, dv = in.v.cols;
      for (const auto& [addr, data] : diffattn::head_register_writes(in, kDMax, kDvMax)) write(addr, data);
      sc_core::sc_time start = keeper.get_current_time();
      write(diffattn::reg::kCtrl, 1);
      long polls = 0;
      while (!(read(diffattn::reg::kStatus) & 2))
        if (++polls > 10'000'000) {
          h.timed_out = true;
          break;
        }
      h.cycles = static_cast<long>((keeper.get_current_time() - start) / kPeriod);
      h.out = diffattn::Matrix<std::int32_t>(n, dv);
      for (int r = 0; r < n; ++r)
        for (int c = 0; c < dv; ++c)
          h.out.at(r, c) = static_cast<std::int32_t>(read(diffattn::reg::kO + static_cast<std::uint32_t>(r * kDvMax + c)));
    }
    keeper.sync();
    finished = true;
  }

  tlm_utils::tlm_quantumkeeper keeper;
};

diffattn::Matrix<std::int8_t> random_matrix(std::mt19937& rng, int rows, int cols) {
  std::uniform_int_distribution<int> value(-128, 127);
  diffattn::Matrix<std::int8_t> m(rows, cols);
  for (auto& x : m.data) x = static_cast<std::int8_t>(value(rng));
  return m;
}

std::vector<Head> make_heads(int count, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<Head> heads;
  for (int i = 0; i < count; ++i) {
    std::uniform_int_distribution<int> size(1, kNMax), dim(1, kDMax), dvs(1, kDvMax), lam(-32768, 32767);
    Head h;
    h.name = "head " + std::to_string(i);
    int n = size(rng), d = dim(rng), dv = dvs(rng);
    h.in.q1 = random_matrix(rng, n, d), h.in.k1 = random_matrix(rng, n, d);
    h.in.q2 = random_matrix(rng, n, d), h.in.k2 = random_matrix(rng, n, d);
    h.in.v = random_matrix(rng, n, dv);
    h.in.lambda_q14 = static_cast<std::int16_t>(lam(rng));
    int shift = 0;
    diffattn::score_scale(4.0 / 127, 4.0 / 127, d, &h.in.score_mult, &shift);
    h.in.score_shift = shift;
    h.in.causal = rng() % 2;
    if (rng() % 2) {  // the RMSNorm, gains around 1, lambda_init 0.8
      std::normal_distribution<double> gain(1.0, 0.1);
      std::vector<double> g;
      for (int c = 0; c < dv; ++c) g.push_back(gain(rng));
      diffattn::set_rmsnorm(h.in, g, 0.8, 1e-5, 4.0 / 127);
    }
    heads.push_back(std::move(h));
  }
  // The largest outputs: N = NMAX, every value -128 or 127, lambda -2 or just under 2 (the
  // weights' magnitudes add up to about 3, the OUT lanes' sums near their widest).
  for (int v : {-128, 127})
    for (int lambda : {-32768, 32767}) {
      Head h;
      h.name = "largest output (v " + std::to_string(v) + ", lambda " + std::to_string(lambda) + ")";
      h.in.q1 = random_matrix(rng, kNMax, kDMax), h.in.k1 = random_matrix(rng, kNMax, kDMax);
      h.in.q2 = random_matrix(rng, kNMax, kDMax), h.in.k2 = random_matrix(rng, kNMax, kDMax);
      h.in.v = diffattn::Matrix<std::int8_t>(kNMax, kDvMax);
      for (auto& x : h.in.v.data) x = static_cast<std::int8_t>(v);
      h.in.lambda_q14 = static_cast<std::int16_t>(lambda);
      int shift = 0;
      diffattn::score_scale(4.0 / 127, 4.0 / 127, kDMax, &h.in.score_mult, &shift);
      h.in.score_shift = shift;
      heads.push_back(std::move(h));
    }
  return heads;
}

}  // namespace

int sc_main(int argc, char** argv) {
  if (nandflow::print_version_if_asked(argc, argv, "diffattn-sc")) return 0;
  int count = 20;
  unsigned seed = 1;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::printf(
          "usage: diffattn-sc [--cases N] [--seed S]\n"
          "Sends the same register transactions to the accelerator's SystemC TLM-2.0 model and to its\n"
          "RTL (verilator --sc, behind a TLM-to-pin bridge); compares outputs and cycle counts.\n");
      return 0;
    } else if (!std::strcmp(argv[i], "--cases") && i + 1 < argc) {
      count = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc) {
      seed = static_cast<unsigned>(std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "diffattn-sc: bad argument '%s'\n", argv[i]);
      return 2;
    }
  }
  std::vector<Head> work = make_heads(count, seed);

  tlm_utils::tlm_quantumkeeper::set_global_quantum(sc_core::sc_time(1, sc_core::SC_US));
  sc_core::sc_clock clk("clk", kPeriod, 0.5, kPeriod / 2, true);  // rising at P/2 + k P, falling at k P
  diffattn::DiffAttnTlm model("model", kNMax, kDMax, kDvMax, kLanes, kNarrow, kOutLanes, kPeriod);
  DiffAttnPinBridge bridge("bridge");
  bridge.clk(clk);
  Host tlm_host("tlm_host", work), rtl_host("rtl_host", work);
  rtl_host.bridge = &bridge;
  tlm_host.socket.bind(model.socket);
  rtl_host.socket.bind(bridge.socket);

  // The model's answers to accesses the register map does not allow.
  {
    std::uint32_t data[2] = {0, 0};
    auto response = [&](sc_dt::uint64 address, unsigned length) {
      tlm::tlm_generic_payload tx;
      tx.set_command(tlm::TLM_READ_COMMAND);
      tx.set_address(address);
      tx.set_data_ptr(reinterpret_cast<unsigned char*>(data));
      tx.set_data_length(length);
      tx.set_streaming_width(length);
      sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
      model.b_transport(tx, delay);
      return tx.get_response_status();
    };
    if (response(0x80000 * 4, 4) != tlm::TLM_ADDRESS_ERROR_RESPONSE || response(2, 4) != tlm::TLM_BURST_ERROR_RESPONSE ||
        response(0, 8) != tlm::TLM_BURST_ERROR_RESPONSE || response(4, 4) != tlm::TLM_OK_RESPONSE) {
      std::printf("FAIL: the TLM model's error responses\n");
      return 1;
    }
  }

  {
    // The RTL's initial blocks (run in the first delta cycle) read the tables by name.
    diffattn::ScopedChdir in_tables(diffattn::tables_dir());
    while (!(tlm_host.finished && rtl_host.finished) && sc_core::sc_time_stamp() < sc_core::sc_time(1000, sc_core::SC_SEC))
      sc_core::sc_start(sc_core::sc_time(1, sc_core::SC_MS));
  }

  int failures = 0;
  long cycles = 0;
  for (std::size_t h = 0; h < work.size(); ++h) {
    const Head &t = tlm_host.heads[h], &r = rtl_host.heads[h];
    diffattn::Matrix<std::int32_t> want = diffattn::fixed_attention(t.in);
    std::string problem;
    if (r.timed_out || t.timed_out) problem = "no done";
    else if (r.cycles != t.cycles)
      problem = "RTL took " + std::to_string(r.cycles) + " cycles, the TLM model " + std::to_string(t.cycles);
    else if (r.out.data != t.out.data) problem = "outputs differ between RTL and TLM model";
    else if (t.out.data != want.data) problem = "the TLM model's output differs from fixed_attention";
    if (!problem.empty()) {
      std::printf("FAIL %s (N=%d d=%d dv=%d causal=%d): %s\n", t.name.c_str(), t.in.q1.rows, t.in.q1.cols,
                  t.in.v.cols, t.in.causal, problem.c_str());
      ++failures;
    }
    cycles += r.cycles;
  }
  std::printf("%zu heads through TLM model and RTL (verilator --sc): %s; %ld cycles, %.3f ms simulated\n",
              work.size(), failures ? "FAILED" : "identical outputs and cycle counts, bit-exact against the model",
              cycles, sc_core::sc_time_stamp().to_seconds() * 1e3);
  return failures ? 1 : 0;
}
