this is not verilog at all (
