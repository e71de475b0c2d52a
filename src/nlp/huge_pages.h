// An allocator for the NER model's large tables, read at random: the
// feature index, the weights and the net's rows (about 50 MB, some 60 rows
// of each a token, src/nlp/tagger.h).
//
// Why: the rows of one token's features lie far apart, so with 4 KB pages
// nearly every row read misses the TLB as well as the cache, and a page
// walk is itself a chain of memory reads. A block of 2 MB or more is
// therefore aligned to 2 MB and marked MADV_HUGEPAGE before it is first
// written, so that Linux backs it with 2 MB pages wherever transparent
// huge pages are on, in "madvise" mode (Debian's default) as in "always".
// Elsewhere, or when the kernel has no huge page to give, it is plain
// memory: the contents, and so the tags, never depend on it.
//
// Thread safety: stateless.
#ifndef MARSAD_SRC_NLP_HUGE_PAGES_H_
#define MARSAD_SRC_NLP_HUGE_PAGES_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <limits>
#include <new>
#include <vector>

namespace marsad {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    if (n > std::numeric_limits<size_t>::max() / sizeof(T) - kHugePage)
      throw std::bad_array_new_length();
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    const size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(p, rounded, MADV_HUGEPAGE);  // advice only: failure is harmless
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugePage)
      ::operator delete(p);
    else
      std::free(p);
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

// A vector whose large buffers are backed by huge pages (see above).
template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace marsad

#endif  // MARSAD_SRC_NLP_HUGE_PAGES_H_
