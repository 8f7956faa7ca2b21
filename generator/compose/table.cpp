// The table layout (seed 000): arrives with the table issue.
#include "compose/compose.hpp"

namespace bulletin {
Document compose_table(const Bulletin& b, const Layout& layout) { return compose_official(b, layout); }
}  // namespace bulletin
