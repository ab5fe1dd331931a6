// traffic_fsm.v: a small Moore state machine, a traffic light with a pedestrian
// button. States are encoded by hand; nandflow keeps the encoding as written.
`default_nettype none
module traffic_fsm (
    input  wire       clk,
    input  wire       rst_n,    // asynchronous, active low
    input  wire       button,   // a pedestrian wants to cross
    output reg  [2:0] lights    // {red, yellow, green}
);
  localparam GREEN = 2'd0, YELLOW = 2'd1, RED = 2'd2, WALK = 2'd3;
  reg [1:0] state;
  reg [2:0] timer;

  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      state <= GREEN;
      timer <= 3'd0;
    end else begin
      timer <= timer + 3'd1;
      case (state)
        GREEN:  if (button && timer >= 3'd3) begin state <= YELLOW; timer <= 3'd0; end
        YELLOW: if (timer == 3'd1)           begin state <= RED;    timer <= 3'd0; end
        RED:    if (timer == 3'd2)           begin state <= WALK;   timer <= 3'd0; end
        WALK:   if (timer == 3'd5)           begin state <= GREEN;  timer <= 3'd0; end
      endcase
    end

  always @*
    case (state)
      GREEN:   lights = 3'b001;
      YELLOW:  lights = 3'b010;
      default: lights = 3'b100;
    endcase
endmodule
`default_nettype wire
