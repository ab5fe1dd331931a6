// Shared constants for include_define.v.
`define DATA_W 6
