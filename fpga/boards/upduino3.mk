# UPduino v3.0/v3.1: iCE40UP5K-SG48 (apio id: upduino3). Its 12 MHz oscillator is not
# connected unless a jumper is soldered, so the clock comes from the chip's own 48 MHz
# oscillator (SB_HFOSC, divided by 4), and the three LEDs are the RGB LED behind the UP5K's
# current-sink driver (SB_RGBA_DRV): upduino3_top.v wraps the design's top for both.
FAMILY      := ice40
DEVICE      := up5k
PACKAGE     := sg48
CONSTRAINTS := boards/upduino3.pcf
CLOCK_MHZ   := 12
LEDS        := 3
SYNTH_FLAGS := -dsp
BOARD_TOP   := upduino3_top
BOARD_WRAPPER := $(CURDIR)/boards/upduino3_top.v
PROGRAMMER  := iceprog -d i:0x0403:0x6014
