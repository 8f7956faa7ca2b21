// Independent jobs spread over the machine's cores (subsetting each face of
// a document, say): as many threads as cores, each taking the next job, not
// a thread per job — each job may hold megabytes while it runs.
//
// Contract: job(i) runs once for every i in [0, n), on some thread; when
// all have ended, the first exception one of them threw (by index) is
// rethrown.
#pragma once

#include <cstddef>
#include <functional>

namespace bulletin {

void run_parallel(std::size_t n, const std::function<void(std::size_t)>& job);

}  // namespace bulletin
