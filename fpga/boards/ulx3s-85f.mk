# ULX3S with the LFE5U-85F (apio id: ulx3s-85f).
DEVICE := 85k
include boards/ulx3s.inc
