# ULX3S with the LFE5U-25F (apio id: ulx3s-25f).
DEVICE := 25k
include boards/ulx3s.inc
