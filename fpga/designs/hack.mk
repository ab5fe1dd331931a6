# The Hack SoC (rtl/soc): the Hack CPU at one instruction per clock, a UART and LEDs.
# PROGRAM picks the program (.asm or .hack), assembled into the ROM at synthesis.
TOP      := hack_top
SOURCES  := $(ROOT)/rtl/soc/uart_tx.v $(ROOT)/rtl/soc/HackSoC.v $(ROOT)/rtl/soc/hack_top.v \
            $(filter-out %/Computer.v %/ROM32K.v %/Memory.v %/Screen.v %/RAM%.v %/WordArray.v, \
                         $(wildcard $(ROOT)/rtl/hack/*.v))
PROGRAM  ?= $(ROOT)/rtl/soc/programs/Hello.asm
DEFINES  := -DHACK_FPGA -DHACK_PROGRAM=\"$(OUT)/program.hack\"
PARAMS    = -set CLOCK_HZ $(DESIGN_HZ) -set LEDS $(LEDS)
DEPENDS  := $(OUT)/program.hack

$(OUT)/program.hack: $(PROGRAM) $(HACKASM) | $(OUT)
	@case "$<" in *.asm) echo "hackasm $< -o $@"; $(HACKASM) $< -o $@ ;; *) cp $< $@ ;; esac
