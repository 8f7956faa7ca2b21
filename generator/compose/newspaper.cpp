// The newspaper layout (seeds 001, 004): arrives with the newspaper issue.
#include "compose/compose.hpp"

namespace bulletin {
Document compose_newspaper(const Bulletin& b, const Layout& layout) { return compose_official(b, layout); }
}  // namespace bulletin
