// One error type for everything the user can get wrong: the message is what the
// CLI prints after "nandflow: ", so it should name the file, line and problem.
#pragma once

#include <stdexcept>
#include <string>

namespace nandflow {

struct UserError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace nandflow
