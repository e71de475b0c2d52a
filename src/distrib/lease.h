// The assigner's lease: at most one assigner writes a store at a time.
//
// Two assigners on one store both consumed the processed-reports queue, each
// took the other's reports for gaps and skipped them for good (reports lost,
// ids shifted). The role is therefore held by a lease that the operating
// system or the database releases when its holder dies, so a crash never
// leaves the role taken:
//  * PostgreSQL: a session-level advisory lock (pg_try_advisory_lock) on a
//    connection of the lease's own. A holder that loses the connection loses
//    the lock; Check() notices before the next write (fencing), and the
//    assigner stops writing and starts over, waiting for the lease again.
//  * SQLite: an exclusive flock on "DB.assigner.lock" beside the database.
//
// Thread safety: a Lease belongs to one thread.
#ifndef MARSAD_DISTRIB_LEASE_H_
#define MARSAD_DISTRIB_LEASE_H_

#include <memory>
#include <string>

#include "marsad/status.h"

namespace marsad {

class Lease {
 public:
  virtual ~Lease() = default;
  // OK while the lease is still held; Unavailable once it is lost.
  virtual Status Check() = 0;
};

// Takes the assigner lease of store `db` (file path or postgresql:// URL).
// Returns nullptr (and OK) when another process holds it.
StatusOr<std::unique_ptr<Lease>> TryAcquireAssignerLease(const std::string& db);

}  // namespace marsad

#endif  // MARSAD_DISTRIB_LEASE_H_
