# OrangeCrab r0.2 with the LFE5U-25F (CSFBGA285, speed 8), 48 MHz oscillator, DFU bootloader.
# Its RGB LED is active low: the LED bits show inverted.
FAMILY      := ecp5
DEVICE      := 25k
PACKAGE     := CSFBGA285
SPEED       := 8
CONSTRAINTS := boards/orangecrab-r02-25f.lpf
CLOCK_MHZ   := 48
LEDS        := 3
SYNTH_FLAGS :=
PROGRAMMER  := openFPGALoader -b orangeCrab
