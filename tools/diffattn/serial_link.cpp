#include "serial_link.hpp"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace diffattn {
namespace {

speed_t speed_of(int baud) {
  switch (baud) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    case 230400: return B230400;
    case 460800: return B460800;
    case 921600: return B921600;
    case 1000000: return B1000000;
    case 2000000: return B2000000;
    case 3000000: return B3000000;
    default: throw std::runtime_error("unsupported baud rate " + std::to_string(baud));
  }
}

}  // namespace

SerialLink::SerialLink(const std::string& path, int baud, int timeout_ms) : path_(path), timeout_ms_(timeout_ms) {
  speed_t speed = speed_of(baud);
  fd_ = ::open(path.c_str(), O_RDWR | O_NOCTTY);
  if (fd_ < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
  termios tio{};
  if (tcgetattr(fd_, &tio) != 0) {
    std::string why = std::strerror(errno);
    ::close(fd_);
    throw std::runtime_error(path + ": not a serial port (" + why + ")");
  }
  cfmakeraw(&tio);
  tio.c_cflag |= CLOCAL | CREAD;
  tio.c_cflag &= ~(CSTOPB | PARENB | CRTSCTS);
  cfsetispeed(&tio, speed);
  cfsetospeed(&tio, speed);
  if (tcsetattr(fd_, TCSANOW, &tio) != 0) {
    std::string why = std::strerror(errno);
    ::close(fd_);
    throw std::runtime_error(path + ": cannot set 8N1 at " + std::to_string(baud) + " baud (" + why + ")");
  }
  tcflush(fd_, TCIOFLUSH);
}

SerialLink::~SerialLink() {
  if (fd_ >= 0) ::close(fd_);
}

std::vector<std::uint8_t> SerialLink::exchange(const Command& command) {
  for (std::size_t sent = 0; sent < command.bytes.size();) {
    ssize_t n = ::write(fd_, command.bytes.data() + sent, command.bytes.size() - sent);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(path_ + ": write: " + std::strerror(errno));
    sent += static_cast<std::size_t>(n);
  }
  std::vector<std::uint8_t> reply;
  int timeout = command.waits ? 10 * timeout_ms_ : timeout_ms_;
  while (reply.size() < command.reply_bytes) {
    pollfd p{fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, timeout);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0)
      throw std::runtime_error(path_ + ": no reply to '" + std::string(1, static_cast<char>(command.bytes[0])) +
                               "' after " + std::to_string(timeout) + " ms (" + std::to_string(reply.size()) + " of " +
                               std::to_string(command.reply_bytes) + " bytes)");
    std::uint8_t buffer[4096];
    ssize_t n = ::read(fd_, buffer, std::min(sizeof buffer, command.reply_bytes - reply.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error(path_ + ": read: " + (n < 0 ? std::strerror(errno) : "end of file"));
    reply.insert(reply.end(), buffer, buffer + n);
  }
  return reply;
}

}  // namespace diffattn
