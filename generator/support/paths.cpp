#include "support/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace bulletin {

std::filesystem::path data_dir() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("BULLETIN_DATA_DIR"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = exe.parent_path().parent_path() / "share" / "bulletin";
        if (fs::exists(installed / "layouts", ec)) return installed;
    }
    return BULLETIN_SOURCE_DIR;
}

}  // namespace bulletin
