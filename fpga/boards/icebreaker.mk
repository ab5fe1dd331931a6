# iCEBreaker: iCE40UP5K-SG48, 12 MHz oscillator, FT2232H (apio id: icebreaker).
FAMILY      := ice40
DEVICE      := up5k
PACKAGE     := sg48
CONSTRAINTS := boards/icebreaker.pcf
CLOCK_MHZ   := 12
LEDS        := 5
SYNTH_FLAGS := -dsp
PROGRAMMER  := openFPGALoader -b ice40_generic
