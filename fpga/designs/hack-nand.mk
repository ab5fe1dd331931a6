# The Hack SoC with a CPU made of nothing but NAND gates: nandflow's netlist of
# rtl/hack/CPU.v (proven equivalent with --verify), each NAND kept as its own LUT
# (nf_nand2 -> SB_LUT4, NF_NAND2_ICE40), flip-flops from nf_cells.v. iCE40 boards only.
# A chain of NAND LUTs is slow on the UP5K: on the iCEBreaker and the UPduino it runs at
# 12 / 4 = 3 MHz.
TOP      := hack_top
NANDFLOW := $(BUILD)/bin/nandflow
SOURCES  := $(ROOT)/rtl/soc/uart_tx.v $(ROOT)/rtl/soc/HackSoC.v $(ROOT)/rtl/soc/hack_top.v \
            $(OUT)/cpu_nand.v $(OUT)/nf_cells.v
PROGRAM  ?= $(ROOT)/rtl/soc/programs/Hello.asm
DEFINES  := -DNF_NAND2_ICE40 -DHACK_PROGRAM=\"$(OUT)/program.hack\"
PARAMS    = -set CLOCK_HZ $(DESIGN_HZ) -set LEDS $(LEDS)
DEPENDS  := $(OUT)/program.hack
ifneq ($(filter icebreaker upduino3,$(BOARD)),)
CLOCK_DIV ?= 4
endif
ifneq ($(FAMILY),ice40)
UNSUPPORTED := each NAND is kept as an iCE40 SB_LUT4: iCE40 boards only
endif

$(OUT)/program.hack: $(PROGRAM) $(HACKASM) | $(OUT)
	@case "$<" in *.asm) echo "hackasm $< -o $@"; $(HACKASM) $< -o $@ ;; *) cp $< $@ ;; esac

$(OUT)/cpu_nand.v $(OUT)/nf_cells.v &: $(wildcard $(ROOT)/rtl/hack/*.v) $(NANDFLOW) | $(OUT)
	$(NANDFLOW) synth $(ROOT)/rtl/hack/*.v --top CPU --nand-cells -o $(OUT)/cpu_nand.v --verify -O2 --time-limit 60 \
	  --json $(OUT)/cpu_nand.json
