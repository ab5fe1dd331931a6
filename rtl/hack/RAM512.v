// RAM512: 512 words of 16 bits (a WordArray).
`default_nettype none
module RAM512 (input wire clk, input wire [15:0] in, input wire load, input wire [8:0] address,
               output wire [15:0] out);
  WordArray #(.ADDRESS_BITS(9)) array (.clk(clk), .in(in), .load(load), .address(address), .out(out));
endmodule
`default_nettype wire
