// A small PNG writer (over zlib): 1-bit black-and-white images, such as the Hack
// screen, and 8-bit RGB ones, such as diffattn-demo's heat maps.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hack {

// `black[y * width + x]` is true for a black pixel. Throws std::runtime_error if
// the file cannot be written.
void write_png_1bit(const std::string& path, int width, int height, const std::vector<bool>& black);

// `rgb` holds width * height pixels, 3 bytes each, rows from the top.
void write_png_rgb(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgb);

// The Hack screen (8K words, bit 0 of a word is its leftmost pixel, 1 = black)
// as 512 x 256 pixels.
std::vector<bool> hack_screen_pixels(const std::vector<std::uint16_t>& screen_words);

}  // namespace hack
