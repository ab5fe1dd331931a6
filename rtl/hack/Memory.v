// Memory: the Hack data memory map. 0-16383 RAM16K, 16384-24575 Screen,
// 24576 the keyboard (read only; its value comes in on `key`). Reads are
// combinational, writes happen at the clock edge.
`default_nettype none
module Memory (
    input  wire        clk,
    input  wire [15:0] in,
    input  wire        load,
    input  wire [14:0] address,
    input  wire [15:0] key,      // the keyboard register, driven by the testbench
    output wire [15:0] out
);
  wire isRam = ~address[14];
  wire isScreen = address[14] & ~address[13];
  wire isKbd = address == 15'h6000;
  wire [15:0] ramOut, screenOut;
  RAM16K ram (.clk(clk), .in(in), .load(load & isRam), .address(address[13:0]), .out(ramOut));
  Screen screen (.clk(clk), .in(in), .load(load & isScreen), .address(address[12:0]), .out(screenOut));
  assign out = isRam ? ramOut : isScreen ? screenOut : isKbd ? key : 16'd0;
endmodule
`default_nettype wire
