// diffattn_single_port: a memory with one port, read or written each cycle, the form the
// iCE40 UP5K's SPRAMs take (Yosys maps it there when asked: HUGE, ram_style "huge" and
// synth_ice40 -spram; otherwise it becomes block RAM). A write writes the bytes marked in
// write_bytes and leaves rdata as it was; any other cycle reads addr (rdata the next cycle).
`default_nettype none
module diffattn_single_port #(
    parameter WORDS = 1024,
    parameter WIDTH = 32,                  // a multiple of 8
    parameter HUGE = 0                     // in the UP5K's SPRAM
) (
    input  wire                     clk,
    input  wire [WIDTH/8-1:0]       write_bytes,
    input  wire [$clog2(WORDS)-1:0] addr,
    input  wire [WIDTH-1:0]         wdata,
    output wire [WIDTH-1:0]         rdata
);
  integer b;
  // Two branches only because an attribute cannot take a parameter; the memory's always
  // block must be in the memory's own scope.
  generate
    if (HUGE != 0) begin : spram
      (* ram_style = "huge" *) reg [WIDTH-1:0] mem [0:WORDS-1];
      reg [WIDTH-1:0] data;
      always @(posedge clk) begin
        for (b = 0; b < WIDTH / 8; b = b + 1)
          if (write_bytes[b]) mem[addr][8*b +: 8] <= wdata[8*b +: 8];
        if (write_bytes == 0) data <= mem[addr];
      end
      assign rdata = data;
    end else begin : block_ram
      reg [WIDTH-1:0] mem [0:WORDS-1];
      reg [WIDTH-1:0] data;
      always @(posedge clk) begin
        for (b = 0; b < WIDTH / 8; b = b + 1)
          if (write_bytes[b]) mem[addr][8*b +: 8] <= wdata[8*b +: 8];
        if (write_bytes == 0) data <= mem[addr];
      end
      assign rdata = data;
    end
  endgenerate
endmodule
`default_nettype wire
