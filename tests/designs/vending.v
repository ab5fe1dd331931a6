// A vending machine FSM: coins of 5 and 10, a 15 price, change returned.
module vending (input clk, input rst, input nickel, input dime, output reg vend, output reg change);
  reg [1:0] credit;  // 0, 5, 10
  always @(posedge clk) begin
    vend <= 1'b0; change <= 1'b0;
    if (rst) credit <= 2'd0;
    else if (dime) begin
      if (credit == 2'd2) begin credit <= 2'd0; vend <= 1'b1; change <= 1'b1; end
      else if (credit == 2'd1) begin credit <= 2'd0; vend <= 1'b1; end
      else credit <= 2'd2;
    end else if (nickel) begin
      if (credit == 2'd2) begin credit <= 2'd0; vend <= 1'b1; end
      else credit <= credit + 2'd1;
    end
  end
endmodule
