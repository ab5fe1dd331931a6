// The whole flow (Yosys front end, mapping, window resynthesis) reaches the proven
// NAND2 minima on the small gates of nand-minima.md, and each netlist is proven.
#include <gtest/gtest.h>

#include "flow/synth_flow.hpp"
#include "io/write_verilog.hpp"
#include "test_util.hpp"
#include "verify/equivalence.hpp"

using namespace nandflow;
using nandflow::test::write_source;

namespace {

struct Case {
  const char* name;
  const char* body;  // module m(input a, b, c, output ...)
  std::size_t nands;
};

}  // namespace

TEST(SynthMinima, SmallGatesReachTheirProvenMinimum) {
  const Case cases[] = {
      {"NOT", "module m(input a, output y); assign y = ~a; endmodule", 1},
      {"AND", "module m(input a, b, output y); assign y = a & b; endmodule", 2},
      {"OR", "module m(input a, b, output y); assign y = a | b; endmodule", 3},
      {"NOR", "module m(input a, b, output y); assign y = ~(a | b); endmodule", 4},
      {"XOR", "module m(input a, b, output y); assign y = a ^ b; endmodule", 4},
      {"XNOR", "module m(input a, b, output y); assign y = ~(a ^ b); endmodule", 5},
      {"MUX", "module m(input a, b, s, output y); assign y = s ? b : a; endmodule", 4},
      {"half adder", "module m(input a, b, output s, c); assign {c, s} = a + b; endmodule", 5},
      {"full adder", "module m(input a, b, c, output s, co); assign {co, s} = a + b + c; endmodule", 9},
      {"MAJ3", "module m(input a, b, c, output y); assign y = (a & b) | (a & c) | (b & c); endmodule", 6},
      {"XOR3", "module m(input a, b, c, output y); assign y = a ^ b ^ c; endmodule", 8},
  };
  for (const Case& c : cases) {
    TempDir dir;
    synth_params ps;
    ps.frontend.files = {write_source(dir, "m.v", std::string(c.body) + "\n")};
    ps.frontend.top = "m";
    SynthResult r = synthesize(ps);
    EXPECT_EQ(r.nands, c.nands) << c.name;
    FrontendParams np;
    np.files = {write_source(dir, "nf_cells.v", nf_cells_verilog()),
                write_source(dir, "net.v", write_verilog(r.design, r.net))};
    np.top = "m";
    VerifyResult v = check_equivalence(r.gold, read_netlist(np));
    EXPECT_TRUE(v.proven) << c.name << ": " << format_verify_result(v);
  }
}
