// SystemVerilog: enum state type, always_ff/always_comb, logic, unique case.
module sv_fsm (input logic clk, input logic rst_n, input logic go, output logic busy, output logic [2:0] steps);
  typedef enum logic [1:0] {IDLE, RUN, DONE} state_t;
  state_t state, next;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin state <= IDLE; steps <= '0; end
    else begin
      state <= next;
      steps <= (state == RUN) ? steps + 3'd1 : '0;
    end
  always_comb begin
    next = state;
    unique case (state)
      IDLE: if (go) next = RUN;
      RUN:  if (steps == 3'd5) next = DONE;
      DONE: next = IDLE;
      default: next = IDLE;
    endcase
  end
  assign busy = state == RUN;
endmodule
