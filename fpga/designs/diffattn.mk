# The differential-attention accelerator behind a serial bridge (rtl/soc/diffattn_top.v;
# host side: diffattn-host). UP5K: NMAX 128, d and dv up to 16, 6 narrow DOT lanes and 4 OUT
# lanes (SPLIT), no RMSNorm; HX8K: NMAX 64, 2 lanes; ECP5: NMAX 128, d and dv up to 32, 16
# lanes and the RMSNorm.
# 1 Mbaud. From the
# PLL on the iCEBreaker at 36 MHz and on the ULX3S at 40 (a whole number of clocks per bit).
TOP      := diffattn_top
# The accelerator's units (sim/diffattn/CMakeLists.txt takes every rtl/diffattn/diffattn*.v
# but the stream wrapper). Listed, not globbed: Yosys's result depends on the reading order.
DIFFATTN_RTL := $(addprefix $(ROOT)/rtl/diffattn/,diffattn.v diffattn_regs.v diffattn_sequencer.v \
                diffattn_split_sequencer.v diffattn_dot_row.v diffattn_out_row.v \
                diffattn_operands.v diffattn_lanes.v diffattn_mul16.v \
                diffattn_score.v diffattn_softmax.v diffattn_softmax_map.v diffattn_divider.v \
                diffattn_store.v diffattn_rmsnorm.v diffattn_single_port.v)
SOURCES  := $(ROOT)/rtl/soc/uart_rx.v $(ROOT)/rtl/soc/uart_tx.v $(ROOT)/rtl/soc/diffattn_bridge.v \
            $(ROOT)/rtl/soc/diffattn_top.v $(DIFFATTN_RTL)
DEFINES  := -DDIFFATTN_TABLES=\"$(ROOT)/rtl/diffattn/tables\" -DDESIGN_HAS_UART_RX
DEPENDS  := $(ROOT)/rtl/diffattn/tables/exp2.hex $(ROOT)/rtl/diffattn/tables/rsqrt.hex
ifeq ($(FAMILY),ice40)
PARAMS    = -set CLOCK_HZ $(DESIGN_HZ) -set LEDS $(LEDS) -set NMAX $(ICE40_NMAX) -set DMAX 16 -set DVMAX 16 -set LANES $(ICE40_LANES) -set NARROW $(ICE40_NARROW) -set HAS_NORM 0
else
PARAMS    = -set CLOCK_HZ $(DESIGN_HZ) -set LEDS $(LEDS) -set NMAX 128 -set DMAX 32 -set DVMAX 32 -set LANES 16 -set HAS_NORM 1
endif
ICE40_NMAX = 64
ICE40_LANES = 2
ICE40_NARROW = 0
ifeq ($(BOARD),icebreaker)
PLL_MHZ ?= 36
# DOT and OUT on lanes of their own, side by side (SPLIT): 6 narrow (8 x 8) DOT lanes, two
# per DSP, in 3 of the UP5K's 8 DSPs; 4 OUT lanes (16 x 16) in 4, which the softmax unit
# borrows for its products between rows; the score unit's multiplier in the last
ICE40_LANES = 6
ICE40_NARROW = 1
PARAMS += -set SPLIT 1 -set OUT_LANES 4
DEFINES += -DDIFFATTN_SB_MAC16
# O in two of the UP5K's SPRAMs and Q in a third, which leaves the block RAMs to K, V and the
# softmax: heads up to N = 128
ICE40_NMAX = 128
PARAMS     += -set O_SPRAM 1 -set Q_SPRAM 1
SYNTH_FLAGS += -spram
endif
ifneq ($(filter ulx3s-%,$(BOARD)),)
PLL_MHZ ?= 40
endif
ifneq ($(filter upduino3 orangecrab-r02-25f,$(BOARD)),)
UNSUPPORTED := the board has no serial port wired to the FPGA for the bridge
endif
