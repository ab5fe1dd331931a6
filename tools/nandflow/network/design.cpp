#include "network/design.hpp"

namespace nandflow {

std::string Port::bit_name(std::size_t i) const {
  if (width == 1 && offset == 0) return name;
  int index = upto ? offset + width - 1 - static_cast<int>(i) : offset + static_cast<int>(i);
  return name + "[" + std::to_string(index) + "]";
}

std::string Port::range() const {
  if (width == 1 && offset == 0) return "";
  int lo = offset, hi = offset + width - 1;
  return upto ? "[" + std::to_string(lo) + ":" + std::to_string(hi) + "]"
              : "[" + std::to_string(hi) + ":" + std::to_string(lo) + "]";
}

}  // namespace nandflow
