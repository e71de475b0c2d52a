#include "src/store/article_row.h"

#include <zstd.h>

namespace marsad {

std::string ArticleColumns(SqlDialect dialect, int schema_version) {
  return "id, input_hash, content_hash, " +
         ReportFieldColumns(dialect, schema_version) +
         ", text, story_id, duplicate_of, analysis, fingerprint, "
         "story_features";
}

std::string CompressRaw(std::string_view in) {
  std::string out(ZSTD_compressBound(in.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 3);
  if (ZSTD_isError(n)) return std::string(in);
  out.resize(n);
  return out;
}

StatusOr<std::string> DecompressRaw(std::string_view in) {
  unsigned long long size = ZSTD_getFrameContentSize(in.data(), in.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    return CorruptionError("raw input is not a zstd frame");
  }
  std::string out(size, '\0');
  size_t n = ZSTD_decompress(out.data(), out.size(), in.data(), in.size());
  if (ZSTD_isError(n)) return CorruptionError(ZSTD_getErrorName(n));
  return out;
}

}  // namespace marsad
