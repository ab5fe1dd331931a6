#include "png.hpp"

#include <zlib.h>

#include <cstdio>
#include <stdexcept>

namespace hack {
namespace {

void put32(std::string& s, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& out, const char* type, const std::string& data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  std::string body = std::string(type, 4) + data;
  out += body;
  put32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

// Compresses the filtered rows and writes the file atomically (a temporary name, then rename).
void write_png(const std::string& path, int width, int height, char bit_depth, char colour_type,
               const std::string& raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                static_cast<uLong>(raw.size()), 9) != Z_OK)
    throw std::runtime_error(path + ": compression failed");
  packed.resize(size);

  std::string png = "\x89PNG\r\n\x1a\n";
  std::string ihdr;
  put32(ihdr, static_cast<std::uint32_t>(width));
  put32(ihdr, static_cast<std::uint32_t>(height));
  ihdr += bit_depth;
  ihdr += colour_type;
  ihdr += std::string(3, '\0');  // compression, filter, interlace
  chunk(png, "IHDR", ihdr);
  chunk(png, "IDAT", packed);
  chunk(png, "IEND", "");

  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw std::runtime_error(path + ": cannot write");
  bool ok = std::fwrite(png.data(), 1, png.size(), f) == png.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error(path + ": cannot write");
  }
}

}  // namespace

void write_png_1bit(const std::string& path, int width, int height, const std::vector<bool>& black) {
  // Rows: a filter byte (0, none), then pixels packed MSB first; 1 = white in grayscale.
  std::string raw;
  int row_bytes = (width + 7) / 8;
  for (int y = 0; y < height; ++y) {
    raw += '\0';
    for (int b = 0; b < row_bytes; ++b) {
      unsigned char byte = 0;
      for (int k = 0; k < 8; ++k) {
        int x = b * 8 + k;
        bool white = x >= width || !black[static_cast<std::size_t>(y * width + x)];
        if (white) byte = static_cast<unsigned char>(byte | (0x80 >> k));
      }
      raw += static_cast<char>(byte);
    }
  }
  write_png(path, width, height, '\x01', '\x00', raw);  // 1-bit grayscale
}

void write_png_rgb(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgb) {
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw += '\0';
    raw.append(reinterpret_cast<const char*>(rgb.data()) + static_cast<std::size_t>(y) * width * 3,
               static_cast<std::size_t>(width) * 3);
  }
  write_png(path, width, height, '\x08', '\x02', raw);  // 8-bit RGB
}

std::vector<bool> hack_screen_pixels(const std::vector<std::uint16_t>& words) {
  std::vector<bool> px(512 * 256, false);
  for (int r = 0; r < 256; ++r)
    for (int c = 0; c < 512; ++c) {
      std::size_t w = static_cast<std::size_t>(r * 32 + c / 16);
      px[static_cast<std::size_t>(r * 512 + c)] = w < words.size() && ((words[w] >> (c % 16)) & 1);
    }
  return px;
}

}  // namespace hack
