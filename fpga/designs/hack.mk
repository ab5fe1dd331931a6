# The Hack SoC (rtl/soc): the Hack CPU at one instruction per clock, a UART and LEDs; the
# CPU is HackCore (HACK_FPGA), proven to behave as rtl/hack/CPU.v (test hack.core_equiv).
# PROGRAM picks the program (.asm or .hack), assembled into the ROM at synthesis.
TOP      := hack_top
SOURCES  := $(ROOT)/rtl/soc/uart_tx.v $(ROOT)/rtl/soc/HackSoC.v $(ROOT)/rtl/soc/hack_top.v \
            $(ROOT)/rtl/soc/HackCore.v
PROGRAM  ?= $(ROOT)/rtl/soc/programs/Hello.asm
DEFINES  := -DHACK_FPGA -DHACK_PROGRAM=\"$(OUT)/program.hack\"
PARAMS    = -set CLOCK_HZ $(DESIGN_HZ) -set LEDS $(LEDS)
DEPENDS  := $(OUT)/program.hack
# abc9 maps the logic knowing how late the carry chain's sums arrive: the UP5K build runs at
# about 30 MHz with it (29.8-31.0 over placement seeds 1-5), 28.4 without.
SYNTH_FLAGS += -abc9

$(OUT)/program.hack: $(PROGRAM) $(HACKASM) | $(OUT)
	@case "$<" in *.asm) echo "hackasm $< -o $@"; $(HACKASM) $< -o $@ ;; *) cp $< $@ ;; esac
