#include <gtest/gtest.h>

#include "cli/args.hpp"
#include "util/error.hpp"

using namespace nandflow;

namespace {
Args parse(std::vector<std::string> v) {
  std::vector<char*> argv;
  for (std::string& s : v) argv.push_back(s.data());
  return Args(static_cast<int>(argv.size()), argv.data(), {"--top", "-D", "-o"}, {"--verify"});
}
}  // namespace

TEST(Args, ValuesFlagsAndPositionals) {
  Args a = parse({"a.v", "--top", "fa", "-DX=1", "-D", "Y", "--verify", "b.v", "--top=other"});
  EXPECT_EQ(a.positional(), (std::vector<std::string>{"a.v", "b.v"}));
  EXPECT_EQ(a.get("--top"), "other");
  EXPECT_EQ(a.all("-D"), (std::vector<std::string>{"X=1", "Y"}));
  EXPECT_TRUE(a.has("--verify"));
  EXPECT_FALSE(a.has("-o"));
}

TEST(Args, UnknownOptionAndMissingValueAreUserErrors) {
  EXPECT_THROW(parse({"--nope"}), UserError);
  EXPECT_THROW(parse({"a.v", "--top"}), UserError);
  EXPECT_THROW(parse({"--verify=1"}), UserError);
}
