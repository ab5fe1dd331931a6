#include "bridge_protocol.hpp"

#include <stdexcept>

namespace diffattn {
namespace {

void put_le(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

std::uint32_t get_le(const std::vector<std::uint8_t>& in, std::size_t at) {
  return static_cast<std::uint32_t>(in[at]) | static_cast<std::uint32_t>(in[at + 1]) << 8 |
         static_cast<std::uint32_t>(in[at + 2]) << 16 | static_cast<std::uint32_t>(in[at + 3]) << 24;
}

void expect_ack(Link& link, const Command& command, char ack) {
  std::vector<std::uint8_t> reply = link.exchange(command);
  if (reply.size() != 1 || reply[0] != static_cast<std::uint8_t>(ack))
    throw std::runtime_error(std::string("the bridge answered '") +
                             (reply.empty() ? std::string("nothing") : std::string(1, static_cast<char>(reply[0]))) +
                             "' to '" + static_cast<char>(command.bytes[0]) + "', not '" + ack + "'");
}

std::vector<std::uint32_t> read_all(Link& link, std::uint32_t addr, std::uint16_t count) {
  std::vector<std::uint8_t> reply = link.exchange(read_words(addr, count));
  std::vector<std::uint32_t> words;
  for (std::size_t at = 0; at + 4 <= reply.size(); at += 4) words.push_back(get_le(reply, at));
  return words;
}

}  // namespace

Command write_word(std::uint32_t addr, std::uint32_t data) {
  Command c{{'W'}, 1, false};
  put_le(c.bytes, addr, 3);
  put_le(c.bytes, data, 4);
  return c;
}

Command write_block(std::uint32_t addr, const std::vector<std::uint8_t>& data) {
  if (data.size() > 0xffff) throw std::invalid_argument("a block is at most 65535 bytes");
  Command c{{'B'}, 1, false};
  put_le(c.bytes, addr, 3);
  put_le(c.bytes, static_cast<std::uint32_t>(data.size()), 2);
  c.bytes.insert(c.bytes.end(), data.begin(), data.end());
  return c;
}

Command read_words(std::uint32_t addr, std::uint16_t count) {
  Command c{{'R'}, 4u * count, false};
  put_le(c.bytes, addr, 3);
  put_le(c.bytes, count, 2);
  return c;
}

Command wait_done() { return Command{{'D'}, 1, true}; }

Layout read_layout(Link& link) {
  std::vector<std::uint32_t> w = read_all(link, reg::kNMax, 5);
  if (w.size() != 5) throw std::runtime_error("no answer to the parameter registers");
  Layout l{static_cast<int>(w[0]), static_cast<int>(w[1]), static_cast<int>(w[2]), static_cast<int>(w[3] & 0xff),
           w[4] != 0, (w[3] >> 8 & 1) != 0, static_cast<int>(w[3] >> 16 & 0xff)};
  if (l.nmax < 1 || l.nmax > 4096 || l.dmax < 1 || l.dmax > 1024 || l.dvmax < 1 || l.dvmax > 1024)
    throw std::runtime_error("the parameter registers read NMAX " + std::to_string(l.nmax) + ", DMAX " +
                             std::to_string(l.dmax) + ", DVMAX " + std::to_string(l.dvmax) +
                             ": is this a diffattn bridge?");
  return l;
}

Matrix<std::int32_t> run_head(Link& link, const FixedInputs& in, const Layout& layout) {
  int n = in.q1.rows, d = in.q1.cols, dv = in.v.cols;
  if (n < 1 || n > layout.nmax || d < 1 || d > layout.dmax || dv < 1 || dv > layout.dvmax)
    throw std::runtime_error("a head of N " + std::to_string(n) + ", d " + std::to_string(d) + ", dv " +
                             std::to_string(dv) + " does not fit the accelerator (NMAX " + std::to_string(layout.nmax) +
                             ", DMAX " + std::to_string(layout.dmax) + ", DVMAX " + std::to_string(layout.dvmax) + ")");
  if (in.norm && !layout.has_norm) throw std::runtime_error("the accelerator is built without the RMSNorm");
  for (const auto& [addr, data] : head_register_writes(in, layout.dmax, layout.dvmax, false))
    expect_ack(link, write_word(addr, data), 'k');
  auto send_rows = [&](std::uint32_t base, const Matrix<std::int8_t>& m, int stride) {
    for (int r = 0; r < m.rows; ++r) {
      std::vector<std::uint8_t> row;
      for (int c = 0; c < m.cols; ++c) row.push_back(static_cast<std::uint8_t>(m.at(r, c)));
      expect_ack(link, write_block(base + static_cast<std::uint32_t>(r * stride), row), 'k');
    }
  };
  send_rows(reg::kQ1, in.q1, layout.dmax);
  send_rows(reg::kK1, in.k1, layout.dmax);
  send_rows(reg::kQ2, in.q2, layout.dmax);
  send_rows(reg::kK2, in.k2, layout.dmax);
  send_rows(reg::kV, in.v, layout.dvmax);
  expect_ack(link, write_word(reg::kCtrl, 1), 'k');
  expect_ack(link, wait_done(), 'd');
  Matrix<std::int32_t> out(n, dv);
  for (int r = 0; r < n; ++r) {
    std::vector<std::uint32_t> row =
        read_all(link, reg::kO + static_cast<std::uint32_t>(r * layout.dvmax), static_cast<std::uint16_t>(dv));
    if (row.size() != static_cast<std::size_t>(dv)) throw std::runtime_error("a short reply to a read of O");
    for (int c = 0; c < dv; ++c) out.at(r, c) = static_cast<std::int32_t>(row[static_cast<std::size_t>(c)]);
  }
  return out;
}

}  // namespace diffattn
