# iCE40-HX8K breakout board: iCE40HX8K-CT256, 12 MHz oscillator (apio id: iCE40-HX8K).
FAMILY      := ice40
DEVICE      := hx8k
PACKAGE     := ct256
CONSTRAINTS := boards/ice40-hx8k.pcf
CLOCK_MHZ   := 12
LEDS        := 8
SYNTH_FLAGS :=
PROGRAMMER  := iceprog
