// diffattn-soc-sim: the accelerator SoC (rtl/soc/diffattn_top.v, as built for the
// iCEBreaker: NMAX 128, DMAX = DVMAX 16, 6 narrow DOT lanes and 4 OUT lanes, 12 MHz, 1 Mbaud) in Verilator, behind a
// pseudo-terminal: the host talks to it exactly as to a board's serial port.
//   diffattn-soc-sim [--link PATH] [--seconds S] [--hold-ms T]
// Prints the terminal's path (and makes PATH a symbolic link to it), then runs until it is
// stopped (SIGTERM, SIGINT) or S seconds have passed. --hold-ms waits T ms before the first
// clock, as a loaded machine may: a host's first bytes are then already waiting (a test).
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <string>

#include "Vdiffattn_top.h"
#include "verilated.h"

namespace {

constexpr int kBitCycles = 12;  // 12 MHz / 1 Mbaud, as verilated (CMakeLists.txt)
volatile std::sig_atomic_t stop = 0;

// Drives the SoC's uart_rx: bytes from the host, 8N1, one bit every kBitCycles cycles.
struct Serializer {
  std::deque<std::uint8_t> queue;
  int frame = 0, bits_left = 0, count = 0;
  int line() const { return bits_left ? frame & 1 : 1; }
  void clock() {
    if (bits_left && ++count == kBitCycles) {
      count = 0;
      frame >>= 1;
      --bits_left;
    }
    if (!bits_left && !queue.empty()) {
      frame = 0x200 | queue.front() << 1;  // start bit 0, data LSB first, stop bit 1
      queue.pop_front();
      bits_left = 10;
      count = 0;
    }
  }
  bool idle() const { return !bits_left && queue.empty(); }
};

// Reads the SoC's uart_tx: samples every bit in its middle.
struct Deserializer {
  int bit = -1, count = 0, value = 0;  // bit -1: idle; 0: start; 1..8 data; 9 stop
  bool clock(int line, std::uint8_t* out) {
    if (bit < 0) {
      if (!line) bit = 0, count = kBitCycles / 2;
      return false;
    }
    if (--count > 0) return false;
    count = kBitCycles;
    if (bit == 0 && line) return bit = -1, false;  // a glitch
    if (bit >= 1 && bit <= 8) value = (value >> 1) | (line << 7);
    if (bit++ < 9) return false;
    bit = -1;
    *out = static_cast<std::uint8_t>(value);
    return line == 1;  // a good stop bit
  }
  bool idle() const { return bit < 0; }
};

}  // namespace

int main(int argc, char** argv) {
  std::string link;
  double seconds = 0;
  int hold_ms = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--link") && i + 1 < argc) {
      link = argv[++i];
    } else if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (!std::strcmp(argv[i], "--hold-ms") && i + 1 < argc) {
      hold_ms = std::atoi(argv[++i]);
    } else {
      std::printf("usage: diffattn-soc-sim [--link PATH] [--seconds S] [--hold-ms T]\n");
      return !std::strcmp(argv[i], "--help") ? 0 : 2;
    }
  }
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
    std::perror("diffattn-soc-sim: pseudo-terminal");
    return 1;
  }
  std::string slave_path = ptsname(master);
  // Keep the terminal's other side open ourselves, raw (no echo, no line editing), so that
  // it stays usable while hosts come and go.
  int slave = open(slave_path.c_str(), O_RDWR | O_NOCTTY);
  termios tio{};
  if (slave < 0 || tcgetattr(slave, &tio) != 0) {
    std::perror("diffattn-soc-sim: pseudo-terminal");
    return 1;
  }
  cfmakeraw(&tio);
  tcsetattr(slave, TCSANOW, &tio);
  fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
  auto ctx = std::make_unique<VerilatedContext>();
  auto top = std::make_unique<Vdiffattn_top>(ctx.get());
  Serializer to_soc;
  Deserializer from_soc;
  top->uart_rx = 1;
  // Run the SoC past its power-on reset before the terminal appears: like a configured
  // board, it is ready before a host can open its port. (A byte that arrived during the
  // reset would lose its start bit and shift every byte after it.)
  long long cycles = 0;
  std::string out;       // bytes the SoC sent, to be written to the terminal
  auto clock_soc = [&] {  // one clock cycle, with both ends of the serial line
    top->clk = 0;
    top->eval();
    top->uart_rx = static_cast<std::uint8_t>(to_soc.line());
    top->clk = 1;
    top->eval();
    to_soc.clock();
    std::uint8_t byte;
    if (from_soc.clock(top->uart_tx, &byte)) out.push_back(static_cast<char>(byte));
    ++cycles;
  };
  while (cycles < 64) clock_soc();
  if (!link.empty()) {
    unlink(link.c_str());
    if (symlink(slave_path.c_str(), link.c_str()) != 0) {
      std::perror(("diffattn-soc-sim: " + link).c_str());
      return 1;
    }
  }
  std::printf("diffattn-soc-sim: the accelerator SoC on %s\n", slave_path.c_str());
  std::fflush(stdout);
  std::signal(SIGTERM, [](int) { stop = 1; });
  std::signal(SIGINT, [](int) { stop = 1; });

  if (hold_ms > 0) usleep(static_cast<useconds_t>(hold_ms) * 1000);
  auto start = std::chrono::steady_clock::now();
  while (!stop) {
    std::uint8_t buffer[256];
    ssize_t n = read(master, buffer, sizeof buffer);
    for (ssize_t i = 0; i < n; ++i) to_soc.queue.push_back(buffer[i]);
    out.clear();
    for (int c = 0; c < 4096; ++c) clock_soc();
    for (std::size_t sent = 0; sent < out.size();) {
      ssize_t w = write(master, out.data() + sent, out.size() - sent);
      if (w > 0) sent += static_cast<std::size_t>(w);
      else if (errno != EAGAIN && errno != EINTR) break;
      else usleep(100);
    }
    bool busy = top->led & 1;
    if (to_soc.idle() && from_soc.idle() && !busy) {  // nothing to do until the host writes
      pollfd p{master, POLLIN, 0};
      poll(&p, 1, 5);
    }
    if (seconds > 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds) break;
  }
  std::printf("diffattn-soc-sim: stopped after %lld cycles\n", cycles);
  if (!link.empty()) unlink(link.c_str());
  close(slave);
  close(master);
  return 0;
}
