// Screen: 8K words of screen memory: 256 rows x 512 pixels, bit 0 of a word is its leftmost pixel (a WordArray).
`default_nettype none
module Screen (input wire clk, input wire [15:0] in, input wire load, input wire [12:0] address,
               output wire [15:0] out);
  WordArray #(.ADDRESS_BITS(13)) array (.clk(clk), .in(in), .load(load), .address(address), .out(out));
endmodule
`default_nettype wire
