// 16 x 8-bit RAM, synchronous write and asynchronous read: becomes 128 flip-flops.
module ram16x8 (input clk, input we, input [3:0] waddr, input [3:0] raddr, input [7:0] wdata, output [7:0] rdata);
  reg [7:0] mem [0:15];
  always @(posedge clk) if (we) mem[waddr] <= wdata;
  assign rdata = mem[raddr];
endmodule
