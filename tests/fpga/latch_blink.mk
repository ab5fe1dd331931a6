# tests/fpga/latch_blink.v through the FPGA flow (tests/integration/fpga_latch.sh).
TOP     := latch_blink
SOURCES := $(ROOT)/tests/fpga/latch_blink.v $(ROOT)/tools/nandflow/cells/nf_cells.v
PARAMS   = -set CLOCK_HZ $(DESIGN_HZ) -set LEDS $(LEDS)
