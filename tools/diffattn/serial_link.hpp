// A Link over a serial port: a board's USB serial device (/dev/ttyUSB1 on the iCEBreaker)
// or a pseudo-terminal (the Verilated SoC, diffattn-soc-sim), raw 8N1.
#pragma once

#include <string>

#include "bridge_protocol.hpp"

namespace diffattn {

class SerialLink : public Link {
 public:
  // Opens and configures the port; throws std::runtime_error naming it when it cannot.
  // `timeout_ms`: how long a reply may take ('D' waits as long as a head runs: ten times).
  SerialLink(const std::string& path, int baud, int timeout_ms);
  ~SerialLink() override;
  SerialLink(const SerialLink&) = delete;
  SerialLink& operator=(const SerialLink&) = delete;
  std::vector<std::uint8_t> exchange(const Command& command) override;

 private:
  std::string path_;
  int fd_ = -1;
  int timeout_ms_;
};

}  // namespace diffattn
