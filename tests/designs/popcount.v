// Population count of a 16-bit word, with a Verilog function and a loop.
module popcount (input [15:0] x, output [4:0] count);
  function [4:0] ones(input [15:0] v);
    integer i;
    begin
      ones = 5'd0;
      for (i = 0; i < 16; i = i + 1) ones = ones + {4'd0, v[i]};
    end
  endfunction
  assign count = ones(x);
endmodule
